import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a real date");
const format = z.enum(["json", "csv"]).default("json");

const range = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), format })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "The start must be on or before the end", path: ["from"] })
  .refine((v) => !v.from || !v.to || Date.parse(v.to) - Date.parse(v.from) <= 10 * 366 * 86_400_000, { message: "At most ten years at a time", path: ["to"] });

export const agingQuery = z.object({ asOf: isoDate.optional(), format });
export const vatQuery = range;
export const revenueQuery = z.intersection(range, z.object({ period: z.enum(["month", "quarter", "year"]).default("month") }));

export type AgingQuery = z.output<typeof agingQuery>;
export type VatQuery = z.output<typeof vatQuery>;
export type RevenueQuery = z.output<typeof revenueQuery>;

const bucketTotals = z.object({ current: z.number().int(), "1-30": z.number().int(), "31-60": z.number().int(), "61-90": z.number().int(), "90+": z.number().int() });

export const agingReport = z.object({
  asOf: z.string(),
  totals: bucketTotals.extend({ total: z.number().int() }),
  clients: z.array(bucketTotals.extend({ clientId: z.uuid(), clientName: z.string(), total: z.number().int(), invoices: z.number().int() })),
  invoices: z.array(z.object({ invoiceId: z.uuid(), number: z.string().nullable(), clientName: z.string(), dueDate: z.string().nullable(), daysOverdue: z.number().int(), bucket: z.string(), balancePence: z.number().int() })),
});

export const vatReport = z.object({
  from: z.string(),
  to: z.string(),
  basis: z.enum(["ACCRUAL", "CASH"]),
  /** HMRC stagger: 1 = quarters ending Mar/Jun/Sep/Dec, 2 = Apr/Jul/Oct/Jan, 3 = May/Aug/Nov/Feb. */
  stagger: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  quarters: z.array(
    z.object({
      quarter: z.string(),
      label: z.string(),
      from: z.string(),
      to: z.string(),
      rates: z.array(z.object({ rateKey: z.string(), label: z.string(), netPence: z.number().int(), vatPence: z.number().int() })),
      netPence: z.number().int(),
      vatPence: z.number().int(),
    }),
  ),
});

export const revenueReport = z.object({
  from: z.string(),
  to: z.string(),
  period: z.enum(["month", "quarter", "year"]),
  rows: z.array(z.object({ period: z.string(), label: z.string(), invoicedPence: z.number().int(), collectedPence: z.number().int(), collectionRateBps: z.number().int().nullable() })),
  totals: z.object({ invoicedPence: z.number().int(), collectedPence: z.number().int(), collectionRateBps: z.number().int().nullable() }),
});

export type AgingReport = z.infer<typeof agingReport>;
export type VatReport = z.infer<typeof vatReport>;
export type RevenueReport = z.infer<typeof revenueReport>;
