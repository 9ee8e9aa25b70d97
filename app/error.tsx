"use client";

import { useEffect, type ReactNode } from "react";

/*
 * The root error boundary ships with every page of every portal, so it stays light: plain
 * elements styled like <Button> (primary / secondary, md), and its two icons inline. Importing
 * Button would bring next/link and the whole icon set into every page's first-load JavaScript a
 * second time (Turbopack doesn't share them with the portal layouts' chunks).
 */
const BUTTON =
  "relative inline-flex select-none items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium transition-colors duration-150 h-9 px-3.5 text-sm";
const PRIMARY = `${BUTTON} bg-accent text-on-accent shadow-xs hover:bg-accent-hover`;
const SECONDARY = `${BUTTON} border border-neutral-300 bg-white text-neutral-800 shadow-xs hover:bg-neutral-50 hover:text-neutral-900`;

function Svg({ size, children }: { size: number; children: ReactNode }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" focusable="false" aria-hidden>
      {children}
    </svg>
  );
}

type ErrorPageProps = {
  error: unknown;
  /** Next 16.2+: re-fetches and re-renders the segment. */
  retry?: () => void;
  /** Older API: re-renders without re-fetching. */
  reset?: () => void;
};

export default function ErrorPage({ error, retry, reset }: ErrorPageProps) {
  const digest =
    error && typeof error === "object" && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center px-4 py-12 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-danger-50 text-danger-600">
        <Svg size={24}>
          <circle cx="12" cy="12" r="10" />
          <path d="M12 8v4M12 16h.01" />
        </Svg>
      </div>
      <h1 className="mt-5 text-xl font-semibold tracking-tight text-neutral-900">Something went wrong</h1>
      <p className="mt-2 max-w-md text-base text-neutral-600">
        This page couldn&rsquo;t load. Try again &mdash; if it keeps happening, contact support and quote the
        reference below.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <button type="button" className={PRIMARY} onClick={() => (retry ?? reset)?.()}>
          <Svg size={16}>
            <path d="M21 12a9 9 0 1 1-3-6.7L21 8" />
            <path d="M21 3v5h-5" />
          </Svg>
          Try again
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load on purpose after an error; next/link would weigh on every page */}
        <a href="/" className={SECONDARY}>
          Go to the home page
        </a>
      </div>
      {digest ? (
        <p className="mt-6 text-sm text-neutral-600">
          Reference: <code className="rounded-sm bg-neutral-100 px-1.5 py-0.5 font-mono text-xs text-neutral-800 select-all">{digest}</code>
        </p>
      ) : null}
    </main>
  );
}
