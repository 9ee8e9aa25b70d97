/** Zod inputs and outputs of the invoices area: one schema per input, shared by forms and handlers. */
import { z } from "zod";
import { LINE_KINDS } from "@/modules/pricing/pricing.ts";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";
import { VAT_RULE_CODES } from "./invoice-vat.ts";

export const INVOICE_STATUSES = ["DRAFT", "ISSUED", "PART_PAID", "PAID", "VOID"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const INVOICE_KINDS = ["STANDARD", "DEPOSIT", "FINAL"] as const;
export const PAYMENT_METHODS = ["CARD", "BANK_TRANSFER", "CASH", "CHEQUE", "OTHER"] as const;
export const MANUAL_PAYMENT_METHODS = ["BANK_TRANSFER", "CASH", "CHEQUE", "OTHER"] as const;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Use a real date");
const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters`);

export const invoiceLineInput = z.object({
  section: text(80).optional().nullable(),
  kind: z.enum(LINE_KINDS),
  description: text(500).min(1, "Describe the line"),
  quantityMilli: z.number().int().min(1, "Quantity must be more than 0").max(100_000_000),
  unitPricePence: z.number().int().min(0, "Price can't be negative").max(1_000_000_000),
  discountBps: z.number().int().min(0).max(10_000).default(0),
  vatRateBps: z.union([z.literal(2000), z.literal(500), z.literal(0), z.null()]),
  /** A VAT rule with date windows (e.g. ENERGY_SAVING_MATERIALS): the rate then follows the supply date. */
  vatRuleKey: z.enum(VAT_RULE_CODES).optional().nullable(),
});
export type InvoiceLineInput = z.infer<typeof invoiceLineInput>;

export const createBlankInvoiceInput = z.object({
  clientId: z.uuid("Choose a client"),
  siteId: z.uuid().nullable().optional(),
  title: text(160).min(1, "Give the invoice a title"),
  notes: text(4000).nullable().optional(),
  supplyDate: isoDate.nullable().optional(),
  lines: z.array(invoiceLineInput).max(500).default([]),
});
export type CreateBlankInvoiceInput = z.infer<typeof createBlankInvoiceInput>;

export const createFromQuoteInput = z
  .object({
    quoteId: z.uuid("Choose a quote"),
    mode: z.enum(["full", "deposit"]),
    /** Deposit as a share of the accepted total (2500 = 25%)… */
    depositBps: z.number().int().min(1, "More than 0%").max(10_000, "At most 100%").optional(),
    /** …or a fixed amount including VAT. */
    depositPence: z.number().int().min(1, "More than £0").max(10_000_000_000).optional(),
  })
  .refine((v) => !(v.depositBps !== undefined && v.depositPence !== undefined), { message: "Give a percentage or an amount, not both", path: ["depositPence"] });
export type CreateFromQuoteInput = z.infer<typeof createFromQuoteInput>;

export const createInvoiceInput = z.union([
  createFromQuoteInput.safeExtend({ source: z.literal("quote") }),
  z.object({ source: z.literal("job"), jobId: z.uuid("Choose a job") }),
  createBlankInvoiceInput.extend({ source: z.literal("blank") }),
]);
export type CreateInvoiceInput = z.infer<typeof createInvoiceInput>;

export const updateInvoiceInput = z.object({
  title: text(160).min(1, "Give the invoice a title").optional(),
  notes: text(4000).nullable().optional(),
  siteId: z.uuid().nullable().optional(),
  supplyDate: isoDate.nullable().optional(),
  lines: z.array(invoiceLineInput).max(500).optional(),
});
export type UpdateInvoiceInput = z.infer<typeof updateInvoiceInput>;

export const listInvoicesQuery = pageQuery.extend({
  status: z.enum(INVOICE_STATUSES).optional(),
  clientId: z.uuid().optional(),
  overdue: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  /** Issue date window, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: text(100).optional(),
});
export type ListInvoicesQuery = z.infer<typeof listInvoicesQuery>;

export const voidInvoiceInput = z.object({ reason: text(500).min(3, "Say why the invoice is void") });

export const recordPaymentInput = z.object({
  method: z.enum(MANUAL_PAYMENT_METHODS, "Choose how it was paid"),
  amountPence: z.number().int().min(0).max(10_000_000_000),
  /** CIS withheld by the contractor on this payment (counts toward settling the invoice). */
  cisDeductionPence: z.number().int().min(0).max(10_000_000_000).default(0),
  receivedOn: isoDate,
  reference: text(120).nullable().optional(),
}).refine((v) => v.amountPence + v.cisDeductionPence > 0, { message: "Enter the amount received", path: ["amountPence"] });
export type RecordPaymentInput = z.infer<typeof recordPaymentInput>;

export const recordRefundInput = z.object({
  amountPence: z.number().int().min(1, "Enter the amount refunded").max(10_000_000_000),
  reason: text(500).nullable().optional(),
  refundedOn: isoDate.optional(),
});
export type RecordRefundInput = z.infer<typeof recordRefundInput>;

export const creditNoteLineInput = z.object({
  description: text(500).min(1, "Describe what is credited"),
  netPence: z.number().int().min(1, "More than £0").max(10_000_000_000),
  vatRateBps: z.union([z.literal(2000), z.literal(500), z.literal(0), z.null()]),
  /** On a CIS invoice: whether the credit reduces labour (its CIS deduction is reversed) or materials. Required there. */
  kind: z.enum(["LABOUR", "MATERIALS"], "Choose labour or materials").nullable().optional(),
});
export const createCreditNoteInput = z.object({
  reason: text(500).min(3, "Give a reason for the credit"),
  /** "full": credit everything still outstanding, line for line; "partial": the lines given. */
  mode: z.enum(["full", "partial"]).default("partial"),
  lines: z.array(creditNoteLineInput).max(100).default([]),
}).refine((v) => v.mode === "full" || v.lines.length > 0, { message: "Add at least one line to credit", path: ["lines"] });
export type CreateCreditNoteInput = z.infer<typeof createCreditNoteInput>;

const money = z.number().int();
const vatEntry = z.object({ rateBps: z.number().int(), netPence: money, vatPence: money });

export const invoiceSummary = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  kind: z.enum(INVOICE_KINDS),
  status: z.enum(INVOICE_STATUSES),
  title: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  grossPence: money,
  payablePence: money,
  paidPence: money,
  creditedPence: money,
  balancePence: money,
  overdue: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type InvoiceSummary = z.infer<typeof invoiceSummary>;
export const invoiceList = listResponse(invoiceSummary).extend({
  totals: z.object({ count: z.number().int(), grossPence: money, payablePence: money, paidPence: money, creditedPence: money, balancePence: money }),
});

export const invoiceLineOutput = invoiceLineInput.extend({
  id: z.uuid(),
  position: z.number().int(),
  vatRateBps: z.number().int().nullable(),
  vatRuleKey: z.string().nullable(),
  netPence: money,
  vatPence: money,
});

export const paymentOutput = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  invoiceNumber: z.string().nullable(),
  method: z.enum(PAYMENT_METHODS),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
  amountPence: money,
  cisDeductionPence: money,
  refundedPence: money,
  receivedOn: z.string(),
  reference: z.string().nullable(),
  stripePaymentIntentId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  refunds: z.array(z.object({ id: z.uuid(), amountPence: money, reason: z.string().nullable(), refundedOn: z.string(), createdAt: z.iso.datetime() })),
});
export type PaymentOutput = z.infer<typeof paymentOutput>;
export const paymentList = listResponse(paymentOutput);
export const listPaymentsQuery = pageQuery.extend({ invoiceId: z.uuid().optional() });
export type ListPaymentsQuery = z.infer<typeof listPaymentsQuery>;

export const creditNoteOutput = z.object({
  id: z.uuid(),
  number: z.string(),
  reason: z.string(),
  issueDate: z.string(),
  netPence: money,
  vatPence: money,
  grossPence: money,
  /** The CIS deduction this credit reverses (taken off what it credits). */
  cisReversedPence: money,
  pdfUrl: z.string().nullable(),
  lines: z.array(z.object({ description: z.string(), kind: z.enum(["LABOUR", "MATERIALS", "FIXED"]).nullable(), netPence: money, vatRateBps: z.number().int().nullable(), vatPence: money })),
});

export const invoiceDetail = invoiceSummary.extend({
  siteId: z.uuid().nullable(),
  quoteId: z.uuid().nullable(),
  quoteNumber: z.string().nullable(),
  jobId: z.uuid().nullable(),
  notes: z.string().nullable(),
  supplyDate: z.string().nullable(),
  paymentTermsDays: z.number().int().nullable(),
  reverseCharge: z.boolean(),
  cisRateBps: z.number().int().nullable(),
  netPence: money,
  vatPence: money,
  cisDeductionPence: money,
  vatByRate: z.array(vatEntry),
  lines: z.array(invoiceLineOutput),
  payments: z.array(paymentOutput),
  creditNotes: z.array(creditNoteOutput),
  emails: z.array(z.object({ id: z.uuid(), to: z.array(z.string()), subject: z.string(), status: z.string(), createdAt: z.iso.datetime() })),
  pdfUrl: z.string().nullable(),
  issuedAt: z.iso.datetime().nullable(),
  sentAt: z.iso.datetime().nullable(),
  paidAt: z.iso.datetime().nullable(),
  voidedAt: z.iso.datetime().nullable(),
  voidReason: z.string().nullable(),
});
export type InvoiceDetail = z.infer<typeof invoiceDetail>;

// --- Unapplied card money (unapplied-payments.service.ts) -------------------------------------

export const UNAPPLIED_STATUSES = ["OPEN", "REFUNDED", "RESOLVED"] as const;
export const listUnappliedQuery = pageQuery.extend({ status: z.enum(UNAPPLIED_STATUSES).optional() });
export type ListUnappliedQuery = z.infer<typeof listUnappliedQuery>;

export const resolveUnappliedInput = z.object({
  /** "refund": give the money back (through Stripe when connected, else by hand: say how in the note); "resolve": say what was done instead. */
  action: z.enum(["refund", "resolve"], "Choose refund or resolve"),
  note: text(500).nullable().optional(),
});
export type ResolveUnappliedInput = z.infer<typeof resolveUnappliedInput>;

export const unappliedPaymentOutput = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  invoiceNumber: z.string().nullable(),
  invoiceStatus: z.enum(INVOICE_STATUSES),
  clientName: z.string(),
  amountPence: money,
  reason: z.string(),
  status: z.enum(UNAPPLIED_STATUSES),
  stripePaymentIntentId: z.string(),
  stripeRefundId: z.string().nullable(),
  resolvedById: z.uuid().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolutionNote: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type UnappliedPaymentOutput = z.infer<typeof unappliedPaymentOutput>;
export const unappliedPaymentList = listResponse(unappliedPaymentOutput);
