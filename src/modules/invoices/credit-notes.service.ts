/**
 * Credit notes: the only correction to an issued invoice. Own gapless numbering
 * (company.creditNotePrefix), a reason, lines with VAT; the credit reduces the invoice's balance
 * through creditedPence, in the same transaction, under the invoice row lock. A credit can never
 * be more than what is still outstanding (refund a payment first to credit a paid invoice).
 *
 * What a credit takes off the balance: its gross (net + VAT), or its net under the domestic
 * reverse charge (the VAT was never charged), less the CIS deduction it reverses. A full credit
 * takes off exactly what is payable (so a CIS invoice's deduction is reversed with it).
 *
 * CIS (the invoice has a CIS rate): each line of a partial credit says whether it reduces LABOUR
 * or MATERIALS. The CIS reversed is the deduction on the labour before this credit less the
 * deduction on the labour left after it (both at the invoice's rate, half-up), so after any
 * number of credits: payable − credited = remaining gross − CIS on the remaining labour, to the
 * penny. Labour credited can't exceed the labour left on the invoice.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { formatDocumentNumber } from "@/modules/numbering/numbering.ts";
import { nextCounterValue } from "@/modules/numbering/counter.repo.ts";
import { vatOn, type LineKind } from "@/modules/pricing/pricing.ts";
import { conflict, notFound, validationFailed } from "@/server/errors/errors.ts";
import { writeOutbox } from "@/server/queue/outbox.ts";
import { formatDate, formatMoney } from "@/ui/format.ts";
import { auditBilling, type BillingContext } from "./billing-context.ts";
import { balanceDuePence, invoiceTotals, REVERSE_CHARGE_WORDING } from "./invoice-money.ts";
import type { InvoiceSnapshot } from "./invoice-snapshot.ts";
import { settledStatus } from "./invoice-status.ts";
import { vatTreatmentLabel } from "./invoice-vat.ts";
import { findCompanyForInvoice, findInvoice, lockInvoice } from "./invoices.repo.ts";
import type { CreateCreditNoteInput, InvoiceDetail } from "./invoices.schema.ts";
import { assertBillingCan, getInvoice, todayIn } from "./invoices.service.ts";

export type CreditLine = { description: string; netPence: number; vatRateBps: number | null; kind?: LineKind | null };

/**
 * The CIS deduction a credit reverses: CIS on the labour left before it minus CIS on the labour
 * left after it. `labourLeftPence` is the invoice's labour net less labour already credited.
 */
export function cisReversedPence(cisRateBps: number | null, labourLeftPence: number, labourCreditedPence: number): number {
  if (cisRateBps === null || labourCreditedPence <= 0) return 0;
  const cis = (net: number) => invoiceTotals([{ id: "l", kind: "LABOUR", quantityMilli: 1000, unitPricePence: net, discountBps: 0, vatRateBps: null }], { reverseCharge: false, cisRateBps }).cisDeductionPence;
  return cis(labourLeftPence) - cis(labourLeftPence - labourCreditedPence);
}

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
    const invSnap = inv.snapshot as unknown as InvoiceSnapshot;
    const cisRate = inv.cisRateBps;
    let lines: CreditLine[];
    let credit: number;
    let totals: ReturnType<typeof creditNoteTotals>;
    let cisReversed: number;
    if (input.mode === "full") {
      if (inv.paidPence > 0 || inv.creditedPence > 0) {
        throw conflict(`Part of this invoice is already paid or credited: credit the ${formatMoney(Math.max(0, outstanding))} outstanding with a partial credit note.`);
      }
      lines = inv.lines.map((l) => ({ description: l.description, netPence: l.netPence, vatRateBps: l.vatRateBps, kind: cisRate === null ? null : l.kind }));
      // Exactly the invoice's own figures (its VAT as invoiced, its CIS deduction).
      const t = invSnap.totals;
      totals = { netPence: t.netPence, vatPence: t.vatPence, grossPence: t.grossPence, vatByRate: t.vatByRate, creditPence: inv.payablePence };
      credit = inv.payablePence;
      cisReversed = inv.cisDeductionPence;
    } else {
      if (cisRate !== null) {
        const fields: Record<string, string> = {};
        input.lines.forEach((l, i) => {
          if (!l.kind) fields[`lines.${i}.kind`] = "Say whether this credits labour or materials";
        });
        if (Object.keys(fields).length) throw validationFailed("On a CIS invoice, say whether each credit line is labour or materials.", fields);
      }
      lines = input.lines.map((l) => ({ description: l.description, netPence: l.netPence, vatRateBps: l.vatRateBps, kind: cisRate === null ? null : (l.kind ?? null) }));
      totals = creditNoteTotals(lines, inv.reverseCharge);
      const labourCredited = lines.filter((l) => l.kind === "LABOUR").reduce((s, l) => s + l.netPence, 0);
      const before = await tx.creditNoteLine.aggregate({ where: { kind: "LABOUR", creditNote: { invoiceId } }, _sum: { netPence: true } });
      const labourLeft = (invSnap.totals.labourNetPence ?? 0) - (before._sum.netPence ?? 0);
      if (labourCredited > labourLeft) {
        throw validationFailed(`${formatMoney(labourCredited)} of labour is more than the ${formatMoney(Math.max(0, labourLeft))} of labour left on this invoice.`, { "lines.0.netPence": "More than the labour left" });
      }
      cisReversed = cisReversedPence(cisRate, labourLeft, labourCredited);
      credit = totals.creditPence - cisReversed;
      totals = { ...totals, creditPence: credit };
    }
    if (credit > outstanding) {
      throw conflict(`${formatMoney(credit)} is more than the ${formatMoney(Math.max(0, outstanding))} that can still be credited on this invoice.`);
    }
    const company = await findCompanyForInvoice(tx, ctx.companyId);
    const number = formatDocumentNumber(company.creditNotePrefix, await nextCounterValue(tx, ctx.companyId, "credit-note"));
    const issueDate = todayIn(company.timeZone, now);
    const snapshot = {
      number,
      invoiceNumber: inv.number,
      invoiceIssueDate: invSnap.issueDate,
      issueDate,
      reason: input.reason,
      seller: invSnap.seller,
      buyer: invSnap.buyer,
      lines: lines.map((l) => ({ ...l, kind: l.kind ?? null, vatLabel: vatTreatmentLabel(l.vatRateBps), vatPence: l.vatRateBps === null ? 0 : vatOn(l.netPence, l.vatRateBps) })),
      totals: { netPence: totals.netPence, vatPence: totals.vatPence, grossPence: totals.grossPence, vatByRate: totals.vatByRate, cisReversedPence: cisReversed, creditPence: credit },
      cisRateBps: cisRate,
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
        cisReversedPence: cisReversed,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
        createdById: ctx.user?.id ?? null,
      },
    });
    await tx.creditNoteLine.createMany({
      data: snapshot.lines.map((l, position) => ({ companyId: ctx.companyId, creditNoteId: note.id, position, description: l.description, kind: l.kind, netPence: l.netPence, vatRateBps: l.vatRateBps, vatPence: l.vatPence })),
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
          lines: snapshot.lines.map((l) => ({ description: l.description, kind: l.kind === "LABOUR" ? "Labour" : l.kind ? "Materials" : null, vat: l.vatLabel, net: l.netPence })),
          totals: snapshot.totals,
          cisRateBps: cisRate,
          wording: snapshot.wording,
        },
      },
    });
    await auditBilling(tx, ctx, {
      entityType: "Invoice",
      entityId: invoiceId,
      action: "invoice.credited",
      before: { status: inv.status, creditedPence: inv.creditedPence },
      after: { status, creditedPence, creditNoteId: note.id, number, reason: input.reason, creditPence: credit, netPence: totals.netPence, vatPence: totals.vatPence, cisReversedPence: cisReversed },
    });
  });
  return getInvoice(ctx, invoiceId);
}
