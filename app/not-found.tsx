import type { Metadata } from "next";
import { Button } from "@/ui/Button";
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
        <Button href="/" className="mt-8" iconStart="arrowLeft">
          Go to the home page
        </Button>
      </main>
    </div>
  );
}
