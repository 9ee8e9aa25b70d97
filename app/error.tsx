"use client";

import { useEffect } from "react";
import { Button } from "@/ui/Button";
import { Icon } from "@/ui/icons";

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
        <Icon name="alert" size={24} />
      </div>
      <h1 className="mt-5 text-xl font-semibold tracking-tight text-neutral-900">Something went wrong</h1>
      <p className="mt-2 max-w-md text-base text-neutral-600">
        This page couldn&rsquo;t load. Try again &mdash; if it keeps happening, contact support and quote the
        reference below.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button iconStart="refresh" onClick={() => (retry ?? reset)?.()}>
          Try again
        </Button>
        <Button href="/" variant="secondary">
          Go to the home page
        </Button>
      </div>
      {digest ? (
        <p className="mt-6 text-sm text-neutral-600">
          Reference: <code className="rounded-sm bg-neutral-100 px-1.5 py-0.5 font-mono text-xs text-neutral-800 select-all">{digest}</code>
        </p>
      ) : null}
    </main>
  );
}
