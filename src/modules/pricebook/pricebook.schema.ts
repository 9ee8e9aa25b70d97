/** Price book: saved lines the office picks from in the quote builder. One zod schema per input, shared by form and handler. */
import { z } from "zod";
import { LINE_KINDS } from "@/modules/pricing/pricing.ts";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";

export const PRICE_BOOK_VAT_RATES = [2000, 500, 0, null] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

const fields = {
  kind: z.enum(LINE_KINDS, { message: "Choose labour, materials or fixed price" }),
  description: z.string({ message: "Describe the item" }).trim().min(1, "Describe the item").max(500, "Keep this under 500 characters"),
  /** "each", "m", "hour": shown in the price book only. */
  unit: optionalText(20),
  unitPricePence: z.number({ message: "Enter a price in pounds, like 12.50" }).int("Enter the price in whole pence").min(0, "Price can't be negative").max(1_000_000_000, "Price is too large"),
  markupBps: z.number({ message: "Enter the markup as a percentage, like 25" }).int().min(0, "Markup can't be negative").max(100_000, "Markup can be at most 1000%"),
  vatRateBps: z.union([z.literal(2000), z.literal(500), z.literal(0), z.null()], { message: "Choose 20%, 5%, 0% or exempt" }),
};

export const createPriceBookItemInput = z.object({ ...fields, markupBps: fields.markupBps.default(0) }).strict();
export type CreatePriceBookItemInput = z.infer<typeof createPriceBookItemInput>;

export const updatePriceBookItemInput = z
  .object(fields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");
export type UpdatePriceBookItemInput = z.infer<typeof updatePriceBookItemInput>;

export const PRICE_BOOK_ARCHIVED = ["exclude", "include", "only"] as const;

/** `q` searches descriptions (any case); archived items are left out unless asked for. */
export const listPriceBookQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  archived: z.enum(PRICE_BOOK_ARCHIVED).default("exclude"),
});
export type ListPriceBookQuery = z.infer<typeof listPriceBookQuery>;

export const priceBookItemParams = z.object({ id: z.uuid() });

export const priceBookItemOutput = z.object({
  id: z.uuid(),
  kind: z.enum(LINE_KINDS),
  description: z.string(),
  unit: z.string().nullable(),
  unitPricePence: z.number().int(),
  markupBps: z.number().int(),
  vatRateBps: z.number().int().nullable(),
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type PriceBookItemView = z.infer<typeof priceBookItemOutput>;
export const priceBookList = listResponse(priceBookItemOutput);
