import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { checkoutReturnView } from "@/modules/stripe/checkout.service.ts";
import { anonymousContext } from "@/server/context.ts";
import { loadOrUnavailable, publicPage } from "@/server/http/page.ts";
import { requestMeta } from "@/server/http/request-meta.ts";
import { ClientShell, Wordmark, formatMoney } from "@/ui";

export const metadata: Metadata = { title: "Payment received", referrer: "no-referrer", robots: { index: false } };

export default async function CardPaymentDonePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ session_id?: string | string[] }> }) {
  publicPage();
  const { token } = await params;
  const sid = (await searchParams).session_id;
  const ctx = anonymousContext(requestMeta(await headers()));
  const view = await loadOrUnavailable(() => checkoutReturnView(ctx, token, typeof sid === "string" ? sid : null));
  if (!view) {
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-neutral-50 px-4 text-center">
        <Wordmark />
        <h1 className="text-xl font-semibold">This invoice link is no longer valid</h1>
        <p className="max-w-sm text-neutral-600">Ask the company that sent it for a fresh link.</p>
      </main>
    );
  }
  return (
    <ClientShell companyName={view.companyName} brandColor={view.brandColor}>
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">{view.paid ? "Thank you, payment received" : "Thank you, we're confirming your payment"}</h1>
        <div role="status" className="rounded-lg border border-success-200 bg-success-50 p-4 text-success-900">
          {view.paid ? (
            <p>
              {view.amountPence !== null ? `${formatMoney(view.amountPence)} ` : "Your payment "}for invoice {view.invoiceNumber} has been received. A receipt is on its way to you by email.
            </p>
          ) : (
            <p>Stripe has your payment for invoice {view.invoiceNumber}. It will show on the invoice within a minute, and we&rsquo;ll email you a receipt.</p>
          )}
          {view.balancePence > 0 && view.paid ? <p className="mt-1 text-sm">{formatMoney(view.balancePence)} is still outstanding on this invoice.</p> : null}
        </div>
        <p>
          <Link href={`/i/${token}`} className="font-medium text-accent-ink underline underline-offset-4">
            Back to the invoice
          </Link>
        </p>
      </div>
    </ClientShell>
  );
}
