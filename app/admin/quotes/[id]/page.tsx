import type { Metadata } from "next";
import Link from "next/link";
import { AuditTimeline } from "@/modules/audit/components/AuditTimeline.tsx";
import { listAuditEvents } from "@/modules/audit/audit.service.ts";
import { vatLabel } from "@/modules/pricing/pricing.ts";
import { QuoteActions } from "@/modules/quotes/components/QuoteActions.tsx";
import { QUOTE_STATUS_LABELS } from "@/modules/quotes/quote-status.ts";
import { getQuote, getQuoteAgreement } from "@/modules/quotes/quotes.service.ts";
import { ConvertToJobButton } from "@/modules/jobs/components/ConvertToJobButton.tsx";
import { jobForQuote } from "@/modules/jobs/jobs.service.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, formatDate, formatDateTime, formatMoney, MetaItem, PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Quote" };

const PLACEMENT = { BASE: "", OPTION: "Option", ADDON: "Add-on" } as const;

export default async function QuotePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage(policy.can("quotes.manage"));
  const { id } = await params;
  const chrome = await loadChrome(ctx);
  const [quote, agreement, history, linkedJob] = await loadOrUnavailable(() =>
    Promise.all([getQuote(ctx, id), getQuoteAgreement(ctx, id), listAuditEvents(ctx, { entityType: "Quote", entityId: id, limit: 50 }), jobForQuote(ctx, id)]),
  );
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        title={`${quote.number}: ${quote.title}`}
        status={QUOTE_STATUS_LABELS[quote.status]}
        back={{ href: "/admin/quotes", label: "Quotes" }}
        subtitle={
          <Link href={`/admin/clients/${quote.clientId}`} className="hover:underline">
            {quote.clientName}
          </Link>
        }
        meta={
          <>
            <MetaItem label="Total">{formatMoney(quote.totals.grossPence)}</MetaItem>
            <MetaItem label="Version">{quote.version}</MetaItem>
            <MetaItem label="Valid until">{formatDate(quote.validUntil, chrome.timeZone)}</MetaItem>
          </>
        }
        actions={
          <>
            <QuoteActions id={quote.id} status={quote.status} version={quote.version} />
            {quote.status === "ACCEPTED" && linkedJob ? (
              <Button href={`/admin/jobs/${linkedJob.id}`} variant="secondary" iconStart="jobs">
                Open job {linkedJob.number}
              </Button>
            ) : quote.status === "ACCEPTED" && can(ctx, "jobs.manage") ? (
              <ConvertToJobButton quoteId={quote.id} />
            ) : null}
          </>
        }
      />
      {agreement ? (
        <Card title="Accepted">
          <p className="text-sm">
            Signed by <strong>{agreement.signerName}</strong> on {formatDateTime(agreement.acceptedAt, chrome.timeZone, { year: true })} for {formatMoney(agreement.grossPence)}
            {agreement.ip ? ` from ${agreement.ip}` : ""}.
          </p>
          <p className="mt-1 text-sm text-neutral-600">
            Choices: {[...Object.entries(agreement.choice.options).map(([g, o]) => `${g}: ${o}`), ...agreement.choice.addons.map((a) => `+ ${a}`)].join("; ") || "none"}
          </p>
          <p className="mt-1 break-all font-mono text-xs text-neutral-600">SHA-256 {agreement.snapshotHash}</p>
          {can(ctx, "invoices.manage") ? (
            <div className="mt-3">
              <Button href={`/admin/invoices/new?quoteId=${quote.id}`} variant="secondary" iconStart="invoice">
                Create invoice (full or deposit)
              </Button>
            </div>
          ) : null}
          {agreement.certificateUrl ? (
            <a href={agreement.certificateUrl} className="mt-2 inline-block text-sm font-medium underline underline-offset-4">
              Download the agreement certificate (PDF)
            </a>
          ) : (
            <p className="mt-2 text-sm text-neutral-600">The agreement certificate is being generated.</p>
          )}
        </Card>
      ) : quote.responseComment ? (
        <Card title={quote.status === "DECLINED" ? "Declined by the client" : "The client asked for changes"}>
          <p className="whitespace-pre-wrap text-sm">&ldquo;{quote.responseComment}&rdquo;</p>
        </Card>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <Card title="Lines" padding="none">
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-neutral-200 text-left text-xs text-neutral-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Description</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">Qty</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">Unit</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">Markup</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">VAT</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {quote.lines.map((l) => (
                  <tr key={l.id}>
                    <td className="px-4 py-2.5">
                      <span className="block">{l.description}</span>
                      {l.placement === "BASE" && l.section ? <span className="text-xs text-neutral-600">Section: {l.section}</span> : null}
                      {l.placement !== "BASE" ? (
                        <span className="text-xs text-neutral-600">
                          {PLACEMENT[l.placement]}: {l.placement === "OPTION" ? `${l.groupName} / ${l.optionName}` : l.addonName}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{(l.quantityMilli / 1000).toLocaleString("en-GB")}</td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{formatMoney(l.unitPricePence)}</td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{l.markupBps / 100}%</td>
                    <td className="px-4 py-2.5 text-right">{vatLabel(l.vatRateBps)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="grid grid-cols-[1fr_auto] gap-y-1 border-t border-neutral-200 px-4 py-3 text-sm tabular-nums">
            <dt className="text-neutral-600">Net (default choice)</dt>
            <dd className="text-right">{formatMoney(quote.totals.netPence)}</dd>
            {quote.totals.vat.map((v) => (
              <div key={v.rateBps} className="contents">
                <dt className="text-neutral-600">VAT at {v.rateBps / 100}% on {formatMoney(v.netPence)}</dt>
                <dd className="text-right">{formatMoney(v.vatPence)}</dd>
              </div>
            ))}
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold">{formatMoney(quote.totals.grossPence)}</dd>
          </dl>
        </Card>
        <div className="flex flex-col gap-6">
          <Card title="Sent versions">
            {quote.versions.length === 0 ? (
              <p className="text-sm text-neutral-600">Not sent yet.</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {quote.versions.map((v) => (
                  <li key={v.version}>
                    Version {v.version}: {formatMoney(v.grossPence)}, sent {formatDateTime(v.sentAt, chrome.timeZone)}
                    {v.pdfUrl ? (
                      <>
                        {" · "}
                        <a href={v.pdfUrl} className="font-medium underline underline-offset-4">
                          PDF
                        </a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <AuditTimeline title="History" events={history.items} timeZone={chrome.timeZone} />
          </Card>
        </div>
      </div>
    </div>
  );
}
