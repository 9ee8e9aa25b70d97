import type { Metadata } from "next";
import Link from "next/link";
import { AuditTimeline } from "@/modules/audit/components/AuditTimeline.tsx";
import { listAuditEvents } from "@/modules/audit/audit.service.ts";
import { InvoiceActions, RefundButton } from "@/modules/invoices/components/InvoiceActions.tsx";
import { invoiceBadge, INVOICE_KIND_LABELS, PAYMENT_METHOD_LABELS, UNAPPLIED_STATUS_LABELS } from "@/modules/invoices/invoice-labels.ts";
import { REVERSE_CHARGE_WORDING } from "@/modules/invoices/invoice-money.ts";
import { vatTreatmentLabel } from "@/modules/invoices/invoice-vat.ts";
import { getInvoice } from "@/modules/invoices/invoices.service.ts";
import { listUnappliedForInvoice } from "@/modules/invoices/unapplied-payments.service.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Card, formatDate, formatDateTime, formatMoney, MetaItem, PageHeader, StatusBadge } from "@/ui";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage(policy.can("invoices.view"));
  const { id } = await params;
  const chrome = await loadChrome(ctx);
  const [inv, history, unapplied] = await loadOrUnavailable(() =>
    Promise.all([
      getInvoice(ctx, id),
      can(ctx, "audit.view") ? listAuditEvents(ctx, { entityType: "Invoice", entityId: id, limit: 50 }) : Promise.resolve({ items: [], nextCursor: null }),
      listUnappliedForInvoice(ctx, id),
    ]),
  );
  const badge = invoiceBadge(inv);
  const tz = chrome.timeZone;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        title={`${inv.number ?? "Draft invoice"}: ${inv.title}`}
        status={badge.status === "overdue" ? "overdue" : inv.status}
        back={{ href: "/admin/invoices", label: "Invoices" }}
        subtitle={
          <>
            <Link href={`/admin/clients/${inv.clientId}`} className="hover:underline">
              {inv.clientName}
            </Link>
            {inv.kind !== "STANDARD" ? ` · ${INVOICE_KIND_LABELS[inv.kind]}` : ""}
            {inv.quoteId ? (
              <>
                {" · from "}
                <Link href={`/admin/quotes/${inv.quoteId}`} className="underline underline-offset-4">
                  {inv.quoteNumber}
                </Link>
              </>
            ) : null}
          </>
        }
        meta={
          <>
            <MetaItem label="Amount payable">{formatMoney(inv.payablePence)}</MetaItem>
            <MetaItem label="Balance due">
              <span data-testid="balance">{formatMoney(inv.balancePence)}</span>
            </MetaItem>
            <MetaItem label="Issued">{inv.issueDate ? formatDate(inv.issueDate, "UTC") : "Not yet"}</MetaItem>
            <MetaItem label="Due">{inv.dueDate ? formatDate(inv.dueDate, "UTC") : "On issue"}</MetaItem>
          </>
        }
        actions={
          <InvoiceActions
            id={inv.id}
            number={inv.number}
            status={inv.status}
            balancePence={inv.balancePence}
            paidPence={inv.paidPence}
            creditedPence={inv.creditedPence}
            cis={inv.cisRateBps !== null}
            canManage={can(ctx, "invoices.manage")}
            canPay={can(ctx, "payments.manage")}
          />
        }
      />
      {inv.status === "VOID" ? (
        <Card title="Void">
          <p className="text-sm">
            Voided {inv.voidedAt ? formatDateTime(inv.voidedAt, tz, { year: true }) : ""}: {inv.voidReason}
          </p>
        </Card>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <Card title="Lines" padding="none">
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">Invoice lines</caption>
                <thead className="border-b border-neutral-200 text-left text-xs text-neutral-600">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">Description</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">Qty</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">Unit (excl. VAT)</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">VAT</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">Net</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-100">
                  {inv.lines.map((l) => (
                    <tr key={l.id}>
                      <td className="px-4 py-2.5">
                        <span className="block">{l.description}</span>
                        <span className="text-xs text-neutral-600">
                          {[l.section, l.kind === "LABOUR" ? "Labour" : l.kind === "MATERIALS" ? "Materials" : null, l.discountBps ? `${l.discountBps / 100}% off` : null, l.vatRuleKey === "ENERGY_SAVING_MATERIALS" ? "Energy-saving materials" : null].filter(Boolean).join(" · ")}
                        </span>
                      </td>
                      <td className="px-4 py-2.5 text-right tabular-nums">{(l.quantityMilli / 1000).toLocaleString("en-GB")}</td>
                      <td className="px-4 py-2.5 text-right tabular-nums">{formatMoney(l.unitPricePence)}</td>
                      <td className="px-4 py-2.5 text-right whitespace-nowrap">{vatTreatmentLabel(l.vatRateBps)}</td>
                      <td className="px-4 py-2.5 text-right tabular-nums">{formatMoney(l.netPence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-neutral-200 px-4 py-3 text-sm tabular-nums">
              <dt className="text-neutral-600">Total excl. VAT</dt>
              <dd className="text-right">{formatMoney(inv.netPence)}</dd>
              {inv.vatByRate.map((v) => (
                <div key={v.rateBps} className="contents">
                  <dt className="text-neutral-600">
                    VAT at {vatTreatmentLabel(v.rateBps)} on {formatMoney(v.netPence)}
                    {inv.reverseCharge ? " (reverse charge: customer accounts for it)" : ""}
                  </dt>
                  <dd className="text-right">{formatMoney(v.vatPence)}</dd>
                </div>
              ))}
              {inv.reverseCharge ? (
                <>
                  <dt className="text-neutral-600">VAT charged</dt>
                  <dd className="text-right">{formatMoney(0)}</dd>
                </>
              ) : null}
              <dt className="text-neutral-600">Invoice total</dt>
              <dd className="text-right">{formatMoney(inv.reverseCharge ? inv.netPence : inv.grossPence)}</dd>
              {inv.cisRateBps !== null ? (
                <>
                  <dt className="text-neutral-600">CIS deduction at {inv.cisRateBps / 100}% on labour</dt>
                  <dd className="text-right">−{formatMoney(inv.cisDeductionPence)}</dd>
                </>
              ) : null}
              <dt className="font-semibold">Amount payable</dt>
              <dd className="text-right font-semibold">{formatMoney(inv.payablePence)}</dd>
              {inv.paidPence ? (
                <>
                  <dt className="text-neutral-600">Paid</dt>
                  <dd className="text-right">−{formatMoney(inv.paidPence)}</dd>
                </>
              ) : null}
              {inv.creditedPence ? (
                <>
                  <dt className="text-neutral-600">Credited</dt>
                  <dd className="text-right">−{formatMoney(inv.creditedPence)}</dd>
                </>
              ) : null}
              <dt className="font-semibold">Balance due</dt>
              <dd className="text-right font-semibold">{formatMoney(inv.balancePence)}</dd>
            </dl>
            {inv.reverseCharge ? <p className="border-t border-neutral-200 px-4 py-3 text-sm font-medium">{REVERSE_CHARGE_WORDING}</p> : null}
          </Card>
          <Card title="Payments" padding="none">
            {inv.payments.length === 0 ? (
              <p className="px-4 py-3 text-sm text-neutral-600">No payments yet.</p>
            ) : (
              <ul className="divide-y divide-neutral-100 text-sm">
                {inv.payments.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5">
                    <span>
                      <span className="font-medium tabular-nums">{formatMoney(p.amountPence)}</span> by {PAYMENT_METHOD_LABELS[p.method]} on {formatDate(p.receivedOn, "UTC")}
                      {p.reference ? ` · ${p.reference}` : ""}
                      {p.cisDeductionPence ? ` · CIS withheld ${formatMoney(p.cisDeductionPence)}` : ""}
                      {p.refundedPence ? <span className="text-danger-700"> · refunded {formatMoney(p.refundedPence)}</span> : null}
                    </span>
                    {can(ctx, "payments.manage") && p.method !== "CARD" ? <RefundButton paymentId={p.id} refundablePence={p.amountPence - p.refundedPence} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {unapplied.length ? (
            <Card title="Card money not applied" padding="none">
              <ul className="divide-y divide-neutral-100 text-sm">
                {unapplied.map((u) => (
                  <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5">
                    <span>
                      <span className="font-medium tabular-nums">{formatMoney(u.amountPence)}</span> by card on {formatDate(u.createdAt, tz)}: {u.reason}
                      {u.resolutionNote ? ` · ${u.resolutionNote}` : ""}
                    </span>
                    <span className="flex items-center gap-3">
                      <StatusBadge status={u.status} label={UNAPPLIED_STATUS_LABELS[u.status]} tone={u.status === "OPEN" ? "warning" : "success"} size="sm" />
                      {u.status === "OPEN" ? (
                        <Link href="/admin/invoices/unapplied" className="font-medium underline underline-offset-4">
                          Refund or resolve
                        </Link>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title="Credit notes" padding="none">
            {inv.creditNotes.length === 0 ? (
              <p className="px-4 py-3 text-sm text-neutral-600">No credit notes.</p>
            ) : (
              <ul className="divide-y divide-neutral-100 text-sm">
                {inv.creditNotes.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5">
                    <span>
                      <span className="font-medium">{c.number}</span> on {formatDate(c.issueDate, "UTC")}: {c.reason} ·{" "}
                      <span className="tabular-nums">{formatMoney(c.grossPence)}</span> incl. VAT
                      {c.lines.some((l) => l.kind) && inv.cisRateBps !== null ? (
                        <>
                          {" "}
                          ({c.lines.map((l) => `${l.kind === "LABOUR" ? "labour" : "materials"} ${formatMoney(l.netPence)}`).join(", ")})
                        </>
                      ) : null}
                      {c.cisReversedPence ? (
                        <>
                          {" "}
                          · CIS reversed <span className="tabular-nums">{formatMoney(c.cisReversedPence)}</span> · credited{" "}
                          <span className="tabular-nums">{formatMoney((inv.reverseCharge ? c.netPence : c.grossPence) - c.cisReversedPence)}</span>
                        </>
                      ) : null}
                    </span>
                    {c.pdfUrl ? (
                      <a href={c.pdfUrl} className="font-medium underline underline-offset-4">
                        PDF
                      </a>
                    ) : (
                      <span className="text-neutral-600">PDF being made</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card title="Documents and emails">
            <ul className="flex flex-col gap-2 text-sm">
              <li>
                {inv.pdfUrl ? (
                  <a href={inv.pdfUrl} className="font-medium underline underline-offset-4">
                    Download the invoice PDF
                  </a>
                ) : inv.status === "DRAFT" ? (
                  "The PDF is made when the invoice is issued."
                ) : (
                  "The PDF is being made."
                )}
              </li>
              {inv.emails.length === 0 ? <li className="text-neutral-600">No emails sent yet.</li> : null}
              {inv.emails.map((e) => (
                <li key={e.id}>
                  <StatusBadge status={e.status === "SENT" ? "sent" : e.status} size="sm" /> {e.subject} to {e.to.join(", ")}, {formatDateTime(e.createdAt, tz)}
                </li>
              ))}
            </ul>
          </Card>
          {can(ctx, "audit.view") ? (
            <Card>
              <AuditTimeline title="History" events={history.items} timeZone={tz} />
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
