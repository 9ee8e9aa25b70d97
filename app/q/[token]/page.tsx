import type { Metadata } from "next";
import { headers } from "next/headers";
import { viewQuoteByLink } from "@/modules/quotes/acceptance.service.ts";
import { ClientQuote } from "@/modules/quotes/components/ClientQuote.tsx";
import { PayDepositButton } from "@/modules/quotes/components/PayDepositButton.tsx";
import { anonymousContext } from "@/server/context.ts";
import { loadOrUnavailable, publicPage } from "@/server/http/page.ts";
import { requestMeta } from "@/server/http/request-meta.ts";
import { ClientShell, formatDate, formatMoney, Wordmark } from "@/ui";

export const metadata: Metadata = { title: "Your quote", referrer: "no-referrer", robots: { index: false } };

export default async function ClientQuotePage({ params }: { params: Promise<{ token: string }> }) {
  publicPage();
  const { token } = await params;
  const ctx = anonymousContext(requestMeta(await headers()));
  const view = await loadOrUnavailable(() => viewQuoteByLink(ctx, token));
  if (!view) {
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-neutral-50 px-4 text-center">
        <Wordmark />
        <h1 className="text-xl font-semibold">This quote link is no longer valid</h1>
        <p className="max-w-sm text-neutral-600">It may have expired or been replaced by a newer version. Ask the company that sent it for a fresh link.</p>
      </main>
    );
  }
  const { snapshot, branding, agreement, status } = view;
  const canRespond = (status === "SENT" || status === "VIEWED") && !view.revisionInProgress && !agreement;
  return (
    <ClientShell companyName={branding.name} brandColor={branding.brandColor} phone={branding.phone} email={branding.email}>
      <div className="flex flex-col gap-6">
        <header>
          <p className="text-sm text-neutral-600">
            Quote {snapshot.number}
            {snapshot.version > 1 ? ` (version ${snapshot.version})` : ""} for {snapshot.client}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{snapshot.title}</h1>
          <p className="text-sm text-neutral-600">Valid until {formatDate(snapshot.validUntil, "Europe/London")}</p>
        </header>
        {agreement ? (
          <div role="status" className="rounded-lg border border-success-200 bg-success-50 p-4 text-success-900">
            <p className="font-semibold">Accepted by {agreement.signerName}, thank you.</p>
            <p className="text-sm">
              {formatMoney(agreement.grossPence)} including VAT, on {formatDate(agreement.acceptedAt, "Europe/London")}.
            </p>
            {view.depositDue ? (
              <div className="mt-3 border-t border-success-200 pt-3">
                <p className="font-medium">
                  Deposit due: {formatMoney(view.depositDue.balancePence)} (invoice {view.depositDue.number})
                </p>
                <PayDepositButton token={token} label={`Pay the ${formatMoney(view.depositDue.balancePence)} deposit`} />
              </div>
            ) : null}
            {agreement.certificateReady ? (
              <a href={`/api/public/quotes/${token}/agreement`} className="mt-2 inline-block text-sm font-medium underline underline-offset-4">
                Download your signed agreement (PDF)
              </a>
            ) : (
              <p className="mt-2 text-sm">Your signed agreement (PDF) is being prepared; refresh in a moment to download it.</p>
            )}
          </div>
        ) : status === "DECLINED" ? (
          <p role="status" className="rounded-lg border border-neutral-200 bg-white p-4">
            You declined this quote. {branding.name} has your message and may send a revised quote.
          </p>
        ) : view.revisionInProgress ? (
          <p role="status" className="rounded-lg border border-warning-200 bg-warning-50 p-4 text-warning-900">
            {branding.name} is preparing an updated version of this quote. You&rsquo;ll get an email when it&rsquo;s ready.
          </p>
        ) : view.responseComment && canRespond ? (
          <p role="status" className="rounded-lg border border-neutral-200 bg-white p-4 text-sm">
            You asked for changes: &ldquo;{view.responseComment}&rdquo;. You can still accept this version below.
          </p>
        ) : null}
        {snapshot.introduction ? <p className="whitespace-pre-wrap text-neutral-800">{snapshot.introduction}</p> : null}
        <ClientQuote token={token} snapshot={snapshot} canRespond={canRespond} />
      </div>
    </ClientShell>
  );
}
