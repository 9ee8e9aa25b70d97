import { z } from "zod";
import { LINE_KINDS } from "@/modules/pricing/pricing.ts";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";
import { QUOTE_STATUSES } from "./quote-status.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31");
const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters`);

/** One line as the builder edits it. Options and add-ons are named within the quote. */
export const quoteLineInput = z
  .object({
    section: text(80).optional().nullable(),
    kind: z.enum(LINE_KINDS),
    description: text(500).min(1, "Describe the line"),
    quantityMilli: z.number().int().min(1, "Quantity must be more than 0").max(100_000_000),
    unitPricePence: z.number().int().min(0, "Price can't be negative").max(1_000_000_000),
    markupBps: z.number().int().min(0).max(100_000).default(0),
    discountBps: z.number().int().min(0).max(10_000).default(0),
    vatRateBps: z.union([z.literal(2000), z.literal(500), z.literal(0), z.null()]),
    placement: z.enum(["BASE", "OPTION", "ADDON"]).default("BASE"),
    groupName: text(80).optional().nullable(),
    optionName: text(80).optional().nullable(),
    addonName: text(80).optional().nullable(),
  })
  .superRefine((l, ctx) => {
    if (l.placement === "OPTION" && (!l.groupName || !l.optionName)) {
      ctx.addIssue({ code: "custom", path: ["optionName"], message: "Name the option group and the option" });
    }
    if (l.placement === "ADDON" && !l.addonName) ctx.addIssue({ code: "custom", path: ["addonName"], message: "Name the add-on" });
  });
export type QuoteLineInput = z.infer<typeof quoteLineInput>;

export const createQuoteInput = z.object({
  clientId: z.uuid("Choose a client"),
  siteId: z.uuid().nullable().optional(),
  enquiryId: z.uuid().nullable().optional(),
  title: text(160).min(1, "Give the quote a title"),
  introduction: text(4000).nullable().optional(),
  terms: text(8000).nullable().optional(),
  validUntil: isoDate.optional(),
  /** A deposit due on acceptance: a percentage of the accepted total (bps) or a fixed amount incl. VAT; not both. */
  depositBps: z.number().int().min(1, "More than 0%").max(10_000, "At most 100%").nullable().optional(),
  depositPence: z.number().int().min(1, "More than £0").max(10_000_000_000).nullable().optional(),
  lines: z.array(quoteLineInput).max(500).default([]),
});
export type CreateQuoteInput = z.infer<typeof createQuoteInput>;

export const updateQuoteInput = createQuoteInput.omit({ clientId: true, enquiryId: true }).partial().extend({
  lines: z.array(quoteLineInput).max(500).optional(),
});
export type UpdateQuoteInput = z.infer<typeof updateQuoteInput>;

export const listQuotesQuery = pageQuery.extend({
  status: z.enum(QUOTE_STATUSES).optional(),
  clientId: z.uuid().optional(),
});
export type ListQuotesQuery = z.infer<typeof listQuotesQuery>;

const money = z.number().int();

export const quoteSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  status: z.enum(QUOTE_STATUSES),
  version: z.number().int(),
  clientId: z.uuid(),
  clientName: z.string(),
  grossPence: money,
  validUntil: z.string(),
  sentAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type QuoteSummary = z.infer<typeof quoteSummary>;
export const quoteList = listResponse(quoteSummary);

export const quoteDetail = quoteSummary.extend({
  siteId: z.uuid().nullable(),
  enquiryId: z.uuid().nullable(),
  introduction: z.string().nullable(),
  terms: z.string().nullable(),
  depositBps: z.number().int().nullable(),
  depositPence: z.number().int().nullable(),
  lines: z.array(quoteLineInput.and(z.object({ id: z.uuid(), position: z.number().int() }))),
  totals: z.object({
    netPence: money,
    vatPence: money,
    grossPence: money,
    exemptNetPence: money,
    vat: z.array(z.object({ rateBps: z.number().int(), netPence: money, vatPence: money })),
  }),
  versions: z.array(
    z.object({ version: z.number().int(), grossPence: money, sentAt: z.iso.datetime(), snapshotHash: z.string(), pdfUrl: z.string().nullable() }),
  ),
  viewedAt: z.iso.datetime().nullable(),
  respondedAt: z.iso.datetime().nullable(),
  responseComment: z.string().nullable(),
});
export type QuoteDetail = z.infer<typeof quoteDetail>;
