/**
 * Report queries. Raw SQL (aggregates over several tables) bypasses the tenancy extension, so
 * every query here is parameterised with the context's companyId on every table it reads, and a
 * cross-tenant test covers each report.
 */
import type { TenantDb } from "@/server/db/tenancy.ts";

export type AgingRow = { invoiceId: string; number: string | null; clientId: string; clientName: string; issueDate: string; dueDate: string | null; payablePence: number; balancePence: number };

/**
 * Invoices with money owed at the end of `asOf`: payments, refunds and credit notes up to that day count.
 *
 * Reads only invoices that can have been owed then, not the tenant's whole history: the open ones
 * (ISSUED, PART_PAID), those voided after `asOf`, and PAID ones with a payment or credit note dated
 * after `asOf`. A PAID invoice owes nothing now, so with no settlement after `asOf` it owed nothing
 * then either (refunds after `asOf` only make that balance smaller). For today's report the last
 * set is empty; for a past date it grows with what was settled since, not with history.
 * Served by Invoice(companyId, status, dueDate), Payment(companyId, receivedOn),
 * CreditNote(companyId, issueDate), then per-invoice lookups; the balance filter runs in SQL.
 */
export async function agingRows(db: TenantDb, companyId: string, asOf: string): Promise<AgingRow[]> {
  const rows = await db.$queryRaw<{ invoiceId: string; number: string | null; clientId: string; clientName: string; issueDate: Date; dueDate: Date | null; payablePence: number; balancePence: bigint | number }[]>`
    SELECT i."id" AS "invoiceId", i."number", i."clientId", c."name" AS "clientName", i."issueDate", i."dueDate", i."payablePence",
           i."payablePence" - COALESCE(pay."pence", 0) + COALESCE(ref."pence", 0) - COALESCE(cr."pence", 0) AS "balancePence"
      FROM (SELECT i."id", i."number", i."clientId", i."issueDate", i."dueDate", i."payablePence" FROM "Invoice" i
             WHERE i."companyId" = ${companyId}::uuid AND i."issueDate" <= ${asOf}::date
               AND (i."status" IN ('ISSUED', 'PART_PAID') OR (i."status" = 'VOID' AND i."voidedAt" >= (${asOf}::date + 1)))
            UNION ALL
            SELECT i."id", i."number", i."clientId", i."issueDate", i."dueDate", i."payablePence" FROM "Invoice" i
             WHERE i."companyId" = ${companyId}::uuid AND i."issueDate" <= ${asOf}::date AND i."status" = 'PAID'
               AND i."id" IN (SELECT p."invoiceId" FROM "Payment" p WHERE p."companyId" = ${companyId}::uuid AND p."receivedOn" > ${asOf}::date
                              UNION SELECT cn."invoiceId" FROM "CreditNote" cn WHERE cn."companyId" = ${companyId}::uuid AND cn."issueDate" > ${asOf}::date)) i
      JOIN "Client" c ON c."companyId" = ${companyId}::uuid AND c."id" = i."clientId"
      LEFT JOIN LATERAL (SELECT SUM(p."amountPence" + p."cisDeductionPence") AS "pence" FROM "Payment" p
                          WHERE p."companyId" = ${companyId}::uuid AND p."invoiceId" = i."id" AND p."receivedOn" <= ${asOf}::date) pay ON true
      LEFT JOIN LATERAL (SELECT SUM(r."amountPence") AS "pence" FROM "PaymentRefund" r JOIN "Payment" p ON p."companyId" = r."companyId" AND p."id" = r."paymentId"
                          WHERE r."companyId" = ${companyId}::uuid AND p."invoiceId" = i."id" AND r."refundedOn" <= ${asOf}::date) ref ON true
      LEFT JOIN LATERAL (SELECT SUM(COALESCE((cn."snapshot"->'totals'->>'creditPence')::int, cn."grossPence")) AS "pence" FROM "CreditNote" cn
                          WHERE cn."companyId" = ${companyId}::uuid AND cn."invoiceId" = i."id" AND cn."issueDate" <= ${asOf}::date) cr ON true
     WHERE i."payablePence" - COALESCE(pay."pence", 0) + COALESCE(ref."pence", 0) - COALESCE(cr."pence", 0) > 0
     ORDER BY i."dueDate" NULLS LAST, i."number"`;
  return rows.map((r) => ({ ...r, issueDate: iso(r.issueDate), dueDate: r.dueDate ? iso(r.dueDate) : null, balancePence: Number(r.balancePence) }));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export type VatLineAgg = { date: string; rateBps: number | null; reverseCharge: boolean; netPence: number; vatPence: number };

/** Accrual basis: invoice lines by issue date, credit note lines (negative) by their issue date. */
export async function accrualVatRows(db: TenantDb, companyId: string, from: string, to: string): Promise<VatLineAgg[]> {
  const rows = await db.$queryRaw<{ date: Date; rateBps: number | null; reverseCharge: boolean; netPence: bigint; vatPence: bigint }[]>`
    SELECT i."issueDate" AS "date", l."vatRateBps" AS "rateBps", i."reverseCharge", SUM(l."netPence") AS "netPence", SUM(l."vatPence") AS "vatPence"
      FROM "InvoiceLine" l JOIN "Invoice" i ON i."companyId" = l."companyId" AND i."id" = l."invoiceId"
     WHERE l."companyId" = ${companyId}::uuid AND i."status" NOT IN ('DRAFT', 'VOID') AND i."issueDate" BETWEEN ${from}::date AND ${to}::date
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT cn."issueDate", cl."vatRateBps", i."reverseCharge", -SUM(cl."netPence"), -SUM(cl."vatPence")
      FROM "CreditNoteLine" cl JOIN "CreditNote" cn ON cn."companyId" = cl."companyId" AND cn."id" = cl."creditNoteId"
      JOIN "Invoice" i ON i."companyId" = cn."companyId" AND i."id" = cn."invoiceId"
     WHERE cl."companyId" = ${companyId}::uuid AND cn."issueDate" BETWEEN ${from}::date AND ${to}::date
     GROUP BY 1, 2, 3`;
  return rows.map((r) => ({ date: iso(r.date), rateBps: r.rateBps, reverseCharge: r.reverseCharge, netPence: Number(r.netPence), vatPence: Number(r.vatPence) }));
}

export type CashMovement = { date: string; invoiceId: string; settledPence: number; payablePence: number; reverseCharge: boolean };

/** Cash basis: money received (payments incl. CIS withheld) and given back (refunds, negative) by date. */
export async function cashMovements(db: TenantDb, companyId: string, from: string, to: string): Promise<CashMovement[]> {
  const rows = await db.$queryRaw<{ date: Date; invoiceId: string; settledPence: number; payablePence: number; reverseCharge: boolean }[]>`
    SELECT p."receivedOn" AS "date", p."invoiceId", (p."amountPence" + p."cisDeductionPence") AS "settledPence", i."payablePence", i."reverseCharge"
      FROM "Payment" p JOIN "Invoice" i ON i."companyId" = p."companyId" AND i."id" = p."invoiceId"
     WHERE p."companyId" = ${companyId}::uuid AND p."status" = 'SUCCEEDED' AND p."receivedOn" BETWEEN ${from}::date AND ${to}::date
    UNION ALL
    SELECT r."refundedOn", p."invoiceId", -r."amountPence", i."payablePence", i."reverseCharge"
      FROM "PaymentRefund" r JOIN "Payment" p ON p."companyId" = r."companyId" AND p."id" = r."paymentId"
      JOIN "Invoice" i ON i."companyId" = p."companyId" AND i."id" = p."invoiceId"
     WHERE r."companyId" = ${companyId}::uuid AND r."refundedOn" BETWEEN ${from}::date AND ${to}::date`;
  return rows.map((r) => ({ ...r, date: iso(r.date), settledPence: Number(r.settledPence), payablePence: Number(r.payablePence) }));
}

/** Each invoice's lines by VAT rate (for apportioning cash payments). */
export async function invoiceRateTotals(db: TenantDb, companyId: string, invoiceIds: string[]) {
  if (invoiceIds.length === 0) return [];
  const rows = await db.$queryRaw<{ invoiceId: string; rateBps: number | null; netPence: bigint; vatPence: bigint }[]>`
    SELECT l."invoiceId", l."vatRateBps" AS "rateBps", SUM(l."netPence") AS "netPence", SUM(l."vatPence") AS "vatPence"
      FROM "InvoiceLine" l
     WHERE l."companyId" = ${companyId}::uuid AND l."invoiceId" = ANY(${invoiceIds}::uuid[])
     GROUP BY 1, 2`;
  return rows.map((r) => ({ invoiceId: r.invoiceId, rateBps: r.rateBps, netPence: Number(r.netPence), vatPence: Number(r.vatPence) }));
}

export type RevenueMovement = { date: string; kind: "invoiced" | "credited" | "collected" | "refunded"; pence: number };

/** Invoiced (payable, by issue date), credited (by credit note date), collected (by payment date) and refunded (by refund date). */
export async function revenueMovements(db: TenantDb, companyId: string, from: string, to: string): Promise<RevenueMovement[]> {
  const rows = await db.$queryRaw<{ date: Date; kind: RevenueMovement["kind"]; pence: bigint }[]>`
    SELECT i."issueDate" AS "date", 'invoiced' AS "kind", SUM(i."payablePence") AS "pence"
      FROM "Invoice" i WHERE i."companyId" = ${companyId}::uuid AND i."status" NOT IN ('DRAFT', 'VOID') AND i."issueDate" BETWEEN ${from}::date AND ${to}::date GROUP BY 1
    UNION ALL
    SELECT cn."issueDate", 'credited', SUM(COALESCE((cn."snapshot"->'totals'->>'creditPence')::int, cn."grossPence"))
      FROM "CreditNote" cn WHERE cn."companyId" = ${companyId}::uuid AND cn."issueDate" BETWEEN ${from}::date AND ${to}::date GROUP BY 1
    UNION ALL
    SELECT p."receivedOn", 'collected', SUM(p."amountPence" + p."cisDeductionPence")
      FROM "Payment" p WHERE p."companyId" = ${companyId}::uuid AND p."status" = 'SUCCEEDED' AND p."receivedOn" BETWEEN ${from}::date AND ${to}::date GROUP BY 1
    UNION ALL
    SELECT r."refundedOn", 'refunded', SUM(r."amountPence")
      FROM "PaymentRefund" r WHERE r."companyId" = ${companyId}::uuid AND r."refundedOn" BETWEEN ${from}::date AND ${to}::date GROUP BY 1`;
  return rows.map((r) => ({ date: iso(r.date), kind: r.kind, pence: Number(r.pence) }));
}
