import { Wordmark } from "@/ui/Wordmark";

export default function EnquiryFormNotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-neutral-50 px-4 py-12 text-center">
      <header>
        <Wordmark />
      </header>
      <main className="mt-10 flex max-w-md flex-col items-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-neutral-900">We can&rsquo;t find this enquiry form</h1>
        <p className="mt-3 text-base text-neutral-600">The link may be mistyped, or the business no longer takes enquiries here. Please contact them directly by phone or email.</p>
      </main>
    </div>
  );
}
