/** What the price book form types (pounds, percent) to and from what the API stores (pence, basis points). Pure. */
import type { PriceBookItemView } from "./pricebook.schema.ts";

/** "1,234.5" or "£12" → pence; anything else → NaN (the schema then says what's wrong). Decimals by string, no floats. */
export function poundsToPence(text: string): number {
  const m = /^\s*(\d{1,9})(?:\.(\d{0,2}))?\s*$/.exec(text.replace(/[£,]/g, ""));
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** "12.5" (percent) → 1250 basis points; anything else → NaN. */
export function percentToBps(text: string): number {
  const m = /^\s*(\d{1,4})(?:\.(\d{0,2}))?\s*%?\s*$/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

export const penceToPounds = (pence: number) => (pence / 100).toFixed(2);
export const bpsToPercent = (bps: number) => String(bps / 100);

/** "2000" | "500" | "0" | "exempt" (the VAT select's values) ↔ basis points or null. */
export const vatFromSelect = (v: string): number | null => (v === "exempt" ? null : Number(v));
export const vatToSelect = (bps: number | null) => (bps === null ? "exempt" : String(bps));

export type PriceBookFormValues = { kind: string; description: string; unit: string; unitPrice: string; markup: string; vat: string };

/** The form's strings as the create/update schema's input. */
export function formToInput(v: PriceBookFormValues) {
  return {
    kind: v.kind,
    description: v.description,
    unit: v.unit,
    unitPricePence: poundsToPence(v.unitPrice),
    markupBps: percentToBps(v.markup || "0"),
    vatRateBps: vatFromSelect(v.vat),
  };
}

export function itemToForm(i: PriceBookItemView): PriceBookFormValues {
  return { kind: i.kind, description: i.description, unit: i.unit ?? "", unitPrice: penceToPounds(i.unitPricePence), markup: bpsToPercent(i.markupBps), vat: vatToSelect(i.vatRateBps) };
}
