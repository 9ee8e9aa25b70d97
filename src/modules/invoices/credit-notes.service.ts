/**
 * Credit notes: the only correction to an issued invoice. Own gapless numbering
 * (company.creditNotePrefix), a reason, lines with VAT; the credit reduces the invoice's balance
 * through creditedPence, in the same transaction, under the invoice row lock. A credit can never
 * be more than what is still outstanding (refund a payment first to credit a paid invoice).
 *
 * What a credit takes off the balance: its gross (net + VAT), or its net under the domestic
 * reverse charge (the VAT was never charged). A full credit takes off exactly what is payable
 * (so a CIS invoice's deduction is reversed with it).
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { formatDocumentNumber } from "@/modules/numbering/numbering.ts";
import { nextCounterValue } from "@/modules/numbering/counter.repo.ts";
import { vatOn } from "@/modules/pricing/pricing.ts";
import { conflict, notFound } from "@/server/errors/errors.ts";
import { writeOutbox } from "@/server/queue/outbox.ts";
import { formatDate, formatMoney } from "@/ui/format.ts";
import { auditBilling, type BillingContext } from "./billing-context.ts";
import { balanceDuePence, REVERSE_CHARGE_WORDING } from "./invoice-money.ts";
import type { InvoiceSnapshot } from "./invoice-snapshot.ts";
import { settledStatus } from "./invoice-status.ts";
import { vatTreatmentLabel } from "./invoice-vat.ts";
import { findCompanyForInvoice, findInvoice, lockInvoice } from "./invoices.repo.ts";
import type { CreateCreditNoteInput, InvoiceDetail } from "./invoices.schema.ts";
import { assertBillingCan, getInvoice, todayIn } from "./invoices.service.ts";

export type CreditLine = { description: string; netPence: number; vatRateBps: number | null };

/** VAT per rate on the credited net (same invoice-level rule as invoices), net, gross and the amount off the balance. */
export function creditNoteTotals(lines: CreditLine[], reverseCharge: boolean) {
  const byRate = new Map<number, number>();
  for (const l of lines) if (l.vatRateBps !== null) byRate.set(l.vatRateBps, (byRate.get(l.vatRateBps) ?? 0) + l.netPence);
  const vatByRate = [...byRate.entries()].sort(([a], [b]) => b - a).map(([rateBps, netPence]) => ({ rateBps, netPence, vatPence: vatOn(netPence, rateBps) }));
  const netPence = lines.reduce((s, l) => s + l.netPence, 0);
  const vatPence = vatByRate.reduce((s, v) => s + v.vatPence, 0);
  const grossPence = netPence + vatPence;
  return { netPence, vatPence, grossPence, vatByRate, creditPence: reverseCharge ? netPence : grossPence };
}

export async function createCreditNote(ctx: BillingContext, invoiceId: string, input: CreateCreditNoteInput, now: Date = new Date()): Promise<InvoiceDetail> {
  assertBillingCan(ctx, "invoices.manage");
  await ctx.db.$transaction(async (tx) => {
    if (!(await lockInvoice(tx, ctx.companyId, invoiceId))) throw notFound();
    const inv = (await findInvoice(tx, invoiceId))!;
    if (inv.status === "DRAFT") throw conflict("A draft can simply be edited: credit notes are for issued invoices.");
    if (inv.status === "VOID") throw conflict("A void invoice can't be credited.");
    const outstanding = balanceDuePence(inv);
    let lines: CreditLine[];
    let credit: number;
    const t0 = (ls: CreditLine[]) => creditNoteTotals(ls, inv.reverseCharge);
    if (input.mode === "full") {
      if (inv.paidPence > 0 || inv.creditedPence > 0) {
        throw conflict(`Part of this invoice is already paid or credited: credit the ${formatMoney(Math.max(0, outstanding))} outstanding with a partial credit note.`);
      }
      lines = inv.lines.map((l) => ({ description: l.description, netPence: l.netPence, vatRateBps: l.vatRateBps }));
      credit = inv.payablePence;
    } else {
      lines = input.lines.map((l) => ({ description: l.description, netPence: l.netPence, vatRateBps: l.vatRateBps }));
      credit = t0(lines).creditPence;
    }
    if (credit > outstanding) {
      throw conflict(`${formatMoney(credit)} is more than the ${formatMoney(Math.max(0, outstanding))} that can still be credited on this invoice.`);
    }
    const totals = t0(lines);
    const company = await findCompanyForInvoice(tx, ctx.companyId);
    const number = formatDocumentNumber(company.creditNotePrefix, await nextCounterValue(tx, ctx.companyId, "credit-note"));
    const issueDate = todayIn(company.timeZone, now);
    const invSnap = inv.snapshot as unknown as InvoiceSnapshot;
    const snapshot = {
      number,
      invoiceNumber: inv.number,
      invoiceIssueDate: invSnap.issueDate,
      issueDate,
      reason: input.reason,
      seller: invSnap.seller,
      buyer: invSnap.buyer,
      lines: lines.map((l) => ({ ...l, vatLabel: vatTreatmentLabel(l.vatRateBps), vatPence: l.vatRateBps === null ? 0 : vatOn(l.netPence, l.vatRateBps) })),
      totals: { netPence: totals.netPence, vatPence: totals.vatPence, grossPence: totals.grossPence, vatByRate: totals.vatByRate, creditPence: credit },
      reverseCharge: inv.reverseCharge,
      wording: inv.reverseCharge ? [REVERSE_CHARGE_WORDING] : [],
    };
    const note = await tx.creditNote.create({
      data: {
        companyId: ctx.companyId,
        number,
        invoiceId,
        reason: input.reason,
        issueDate: new Date(`${issueDate}T00:00:00Z`),
        netPence: totals.netPence,
        vatPence: totals.vatPence,
        grossPence: totals.grossPence,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
        createdById: ctx.user?.id ?? null,
      },
    });
    await tx.creditNoteLine.createMany({
      data: snapshot.lines.map((l, position) => ({ companyId: ctx.companyId, creditNoteId: note.id, position, description: l.description, netPence: l.netPence, vatRateBps: l.vatRateBps, vatPence: l.vatPence })),
    });
    const creditedPence = inv.creditedPence + credit;
    const status = settledStatus({ payablePence: inv.payablePence, paidPence: inv.paidPence, creditedPence });
    await tx.invoice.update({ where: { id: invoiceId }, data: { creditedPence, status, paidAt: status === "PAID" ? (inv.paidAt ?? now) : null } });
    await writeOutbox(tx, {
      job: "pdf.render",
      companyId: ctx.companyId,
      idempotencyKey: `pdf:credit-note:${note.id}`,
      payload: {
        companyId: ctx.companyId,
        document: "credit-note",
        entityType: "CreditNote",
        entityId: note.id,
        requestedById: ctx.user?.id,
        props: {
          number,
          invoiceNumber: inv.number ?? "",
          issueDate: formatDate(issueDate, "UTC"),
          invoiceIssueDate: formatDate(invSnap.issueDate, "UTC"),
          reason: input.reason,
          seller: invSnap.seller,
          buyer: invSnap.buyer,
          lines: snapshot.lines.map((l) => ({ description: l.description, vat: l.vatLabel, net: l.netPence })),
          totals: snapshot.totals,
          wording: snapshot.wording,
        },
      },
    });
    await auditBilling(tx, ctx, {
      entityType: "Invoice",
      entityId: invoiceId,
      action: "invoice.credited",
      before: { status: inv.status, creditedPence: inv.creditedPence },
      after: { status, creditedPence, creditNoteId: note.id, number, reason: input.reason, creditPence: credit, netPence: totals.netPence, vatPence: totals.vatPence },
    });
  });
  return getInvoice(ctx, invoiceId);
}
