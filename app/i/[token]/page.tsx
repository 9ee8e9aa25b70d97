import type { Metadata } from "next";
import { INVOICE_KIND_LABELS, PAYMENT_METHOD_LABELS } from "@/modules/invoices/invoice-labels.ts";
import { viewInvoiceByLink } from "@/modules/invoices/invoice-link.service.ts";
import { sortCodeLabel } from "@/modules/invoices/invoice-snapshot.ts";
import { vatTreatmentLabel } from "@/modules/invoices/invoice-vat.ts";
import { PayByCardSection } from "@/modules/stripe/components/PayByCardSection.tsx";
import { loadOrUnavailable, publicPage } from "@/server/http/page.ts";
import { ClientShell, formatDate, formatMoney, StatusBadge, Wordmark } from "@/ui";

export const metadata: Metadata = { title: "Your invoice", referrer: "no-referrer", robots: { index: false } };

export default async function ClientInvoicePage({ params }: { params: Promise<{ token: string }> }) {
  publicPage();
  const { token } = await params;
  const view = await loadOrUnavailable(() => viewInvoiceByLink(token));
  if (!view) {
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-neutral-50 px-4 text-center">
        <Wordmark />
        <h1 className="text-xl font-semibold">This invoice link is no longer valid</h1>
        <p className="max-w-sm text-neutral-600">It may have been replaced or withdrawn. Ask the company that sent it for a fresh link.</p>
      </main>
    );
  }
  const { snapshot: s, branding } = view;
  const t = s.totals;
  const paid = view.status === "PAID" || view.balancePence <= 0;
  return (
    <ClientShell companyName={branding.name} brandColor={branding.brandColor} phone={branding.phone} email={branding.email}>
      <div className="flex flex-col gap-6">
        <header className="flex flex-col gap-1">
          <p className="text-sm text-neutral-600">
            {s.kind === "STANDARD" ? "VAT invoice" : INVOICE_KIND_LABELS[s.kind]} {s.number} for {s.buyer.name}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{s.title}</h1>
          <p className="text-sm text-neutral-600">
            Issued {formatDate(s.issueDate, "UTC")}
            {s.supplyDate !== s.issueDate ? ` · work done ${formatDate(s.supplyDate, "UTC")}` : ""} · due {formatDate(s.dueDate, "UTC")}
          </p>
        </header>

        <section aria-labelledby="due-heading" className="rounded-lg border border-neutral-200 bg-white p-4 sm:p-5">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <h2 id="due-heading" className="text-sm font-medium text-neutral-600">
                {paid ? "Nothing left to pay" : "Amount due"}
              </h2>
              <p className="text-3xl font-semibold tabular-nums" data-testid="amount-due">
                {formatMoney(view.balancePence)}
              </p>
            </div>
            <StatusBadge status={paid ? "paid" : view.overdue ? "overdue" : view.status} label={paid ? "Paid" : view.overdue ? "Overdue" : view.status === "PART_PAID" ? "Part-paid" : "Due"} />
          </div>
          {!paid && s.bank ? (
            <div className="mt-4 border-t border-neutral-200 pt-4 text-sm">
              <h3 className="font-medium">Pay by bank transfer</h3>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="text-neutral-600">Account name</dt>
                <dd>{s.bank.accountName}</dd>
                <dt className="text-neutral-600">Sort code</dt>
                <dd className="tabular-nums">{sortCodeLabel(s.bank.sortCode)}</dd>
                <dt className="text-neutral-600">Account number</dt>
                <dd className="tabular-nums">{s.bank.accountNumber}</dd>
                <dt className="text-neutral-600">Reference</dt>
                <dd>{s.number}</dd>
              </dl>
            </div>
          ) : null}
        </section>

        {/* pay-by-card */}
        {!paid ? <PayByCardSection token={token} /> : null}

        <section aria-labelledby="lines-heading" className="rounded-lg border border-neutral-200 bg-white">
          <h2 id="lines-heading" className="px-4 pt-4 text-lg font-semibold sm:px-5">
            The invoice
          </h2>
          <div className="grid grid-cols-1 gap-4 px-4 py-3 text-sm sm:grid-cols-2 sm:px-5">
            <div>
              <p className="text-xs font-medium uppercase text-neutral-500">From</p>
              <p className="font-medium">{s.seller.legalName ?? s.seller.name}</p>
              {s.seller.addressLines.map((l) => (
                <p key={l} className="text-neutral-700">
                  {l}
                </p>
              ))}
              {s.seller.vatNumber ? <p className="text-neutral-700">VAT registration no. {s.seller.vatNumber}</p> : null}
            </div>
            <div>
              <p className="text-xs font-medium uppercase text-neutral-500">To</p>
              <p className="font-medium">{s.buyer.name}</p>
              {s.buyer.addressLines.map((l) => (
                <p key={l} className="text-neutral-700">
                  {l}
                </p>
              ))}
              {s.buyer.vatNumber ? <p className="text-neutral-700">VAT registration no. {s.buyer.vatNumber}</p> : null}
            </div>
          </div>
          <ul className="divide-y divide-neutral-100 border-t border-neutral-200 text-sm">
            {s.lines.map((l, i) => (
              <li key={i} className="flex flex-col gap-0.5 px-4 py-2.5 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4 sm:px-5">
                <span className="min-w-0 break-words">
                  {l.section ? <span className="text-neutral-600">{l.section}: </span> : null}
                  {l.description}
                  <span className="block text-xs text-neutral-600">
                    {(l.quantityMilli / 1000).toLocaleString("en-GB")} × {formatMoney(l.unitPricePence)} excl. VAT · VAT {vatTreatmentLabel(l.vatRateBps)}
                    {s.cisRateBps !== null ? ` · ${l.kind === "LABOUR" ? "labour" : l.kind === "MATERIALS" ? "materials" : "fixed price"}` : ""}
                  </span>
                </span>
                <span className="shrink-0 text-right tabular-nums">{formatMoney(l.netPence)}</span>
              </li>
            ))}
          </ul>
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-neutral-200 px-4 py-3 text-sm tabular-nums sm:px-5">
            <dt className="text-neutral-600">Total excl. VAT</dt>
            <dd className="text-right">{formatMoney(t.netPence)}</dd>
            {t.vatByRate.map((v) => (
              <div key={v.rateBps} className="contents">
                <dt className="text-neutral-600">
                  VAT at {vatTreatmentLabel(v.rateBps)} on {formatMoney(v.netPence)}
                  {s.reverseCharge ? " (for you to account for)" : ""}
                </dt>
                <dd className="text-right">{formatMoney(v.vatPence)}</dd>
              </div>
            ))}
            {t.exemptNetPence ? (
              <>
                <dt className="text-neutral-600">Exempt from VAT</dt>
                <dd className="text-right">{formatMoney(t.exemptNetPence)}</dd>
              </>
            ) : null}
            {s.reverseCharge ? (
              <>
                <dt className="text-neutral-600">VAT charged</dt>
                <dd className="text-right">{formatMoney(0)}</dd>
              </>
            ) : null}
            <dt className="text-neutral-600">Invoice total</dt>
            <dd className="text-right">{formatMoney(s.reverseCharge ? t.netPence : t.grossPence)}</dd>
            {s.cisRateBps !== null ? (
              <>
                <dt className="text-neutral-600">CIS deduction at {s.cisRateBps / 100}% on labour of {formatMoney(t.labourNetPence)}</dt>
                <dd className="text-right">−{formatMoney(t.cisDeductionPence)}</dd>
              </>
            ) : null}
            <dt className="font-semibold">Amount payable</dt>
            <dd className="text-right font-semibold">{formatMoney(t.payablePence)}</dd>
          </dl>
          {s.wording.length ? (
            <div className="border-t border-neutral-200 px-4 py-3 text-sm sm:px-5">
              {s.wording.map((w) => (
                <p key={w} className="font-medium">
                  {w}
                </p>
              ))}
            </div>
          ) : null}
          {s.notes ? <p className="whitespace-pre-wrap border-t border-neutral-200 px-4 py-3 text-sm text-neutral-700 sm:px-5">{s.notes}</p> : null}
        </section>

        {view.payments.length || view.creditNotes.length ? (
          <section aria-labelledby="history-heading" className="rounded-lg border border-neutral-200 bg-white p-4 text-sm sm:p-5">
            <h2 id="history-heading" className="mb-2 text-lg font-semibold">
              Payments and credits
            </h2>
            <ul className="flex flex-col gap-1.5">
              {view.payments.map((p, i) => (
                <li key={`p${i}`} className="flex justify-between gap-4">
                  <span>
                    {formatDate(p.receivedOn, "UTC")}: {PAYMENT_METHOD_LABELS[p.method] ?? p.method}
                    {p.cisDeductionPence ? ` (plus CIS withheld ${formatMoney(p.cisDeductionPence)})` : ""}
                    {p.refundedPence ? ` (refunded ${formatMoney(p.refundedPence)})` : ""}
                  </span>
                  <span className="whitespace-nowrap tabular-nums">{formatMoney(p.amountPence)}</span>
                </li>
              ))}
              {view.creditNotes.map((c) => (
                <li key={c.number} className="flex justify-between gap-4">
                  <span>
                    {formatDate(c.issueDate, "UTC")}: credit note {c.number} ({c.reason})
                  </span>
                  <span className="whitespace-nowrap tabular-nums">−{formatMoney(c.grossPence)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <p className="text-sm">
          {view.pdfReady ? (
            <a href={`/api/public/invoices/${token}/pdf`} className="font-medium underline underline-offset-4">
              Download the invoice (PDF)
            </a>
          ) : (
            <span className="text-neutral-600">The PDF of this invoice is being prepared; refresh in a moment to download it.</span>
          )}
        </p>
      </div>
    </ClientShell>
  );
}
