import type { Metadata } from "next";
import { Wordmark } from "@/ui/Wordmark";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-neutral-50 px-4 py-12 text-center">
      <header>
        <Wordmark />
      </header>
      <main className="mt-10 flex max-w-md flex-col items-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-neutral-900">We can&rsquo;t find that page</h1>
        <p className="mt-3 text-base text-neutral-600">
          The link may be out of date, or the page may have moved. Check the address, or head back to the
          start.
        </p>
        {/* Styled like <Button> (primary, md). A plain link, not <Button>: this page is part of every
            page's root layout, and Button's next/link would be one more client chunk on all of them. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
        <a
          href="/"
          className="relative mt-8 inline-flex h-9 select-none items-center justify-center gap-2 whitespace-nowrap rounded-md bg-accent px-3.5 text-sm font-medium text-on-accent shadow-xs transition-colors duration-150 hover:bg-accent-hover"
        >
          <svg xmlns="http://www.w3.org/2000/svg" width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" focusable="false" aria-hidden>
            <path d="M19 12H5M12 19l-7-7 7-7" />
          </svg>
          Go to the home page
        </a>
      </main>
    </div>
  );
}
