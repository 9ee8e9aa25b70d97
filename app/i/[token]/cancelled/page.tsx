import type { Metadata } from "next";
import Link from "next/link";
import { linkBranding } from "@/modules/stripe/checkout.service.ts";
import { loadOrUnavailable, publicPage } from "@/server/http/page.ts";
import { ClientShell, Wordmark } from "@/ui";

export const metadata: Metadata = { title: "Payment cancelled", referrer: "no-referrer", robots: { index: false } };

export default async function CardPaymentCancelledPage({ params }: { params: Promise<{ token: string }> }) {
  publicPage();
  const { token } = await params;
  const company = await loadOrUnavailable(() => linkBranding(token));
  if (!company) {
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-neutral-50 px-4 text-center">
        <Wordmark />
        <h1 className="text-xl font-semibold">This invoice link is no longer valid</h1>
        <p className="max-w-sm text-neutral-600">Ask the company that sent it for a fresh link.</p>
      </main>
    );
  }
  return (
    <ClientShell companyName={company.name} brandColor={company.brandPrimaryColor} phone={company.phone} email={company.email}>
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Payment cancelled</h1>
        <p role="status" className="rounded-lg border border-neutral-200 bg-white p-4">
          Nothing was charged. You can pay by card again, or by bank transfer using the details on the invoice.
        </p>
        <p>
          <Link href={`/i/${token}`} className="font-medium text-accent-ink underline underline-offset-4">
            Back to the invoice
          </Link>
        </p>
      </div>
    </ClientShell>
  );
}
