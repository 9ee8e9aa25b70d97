/**
 * The invoice editor's lines: what people type ↔ what the API takes, and the live totals (from the
 * same money function the server uses, so the preview matches what is saved). Pure.
 */
import { invoiceTotals, type InvoiceTotals } from "../invoice-money.ts";
import { bpsToPercent, penceToPounds, percentToBps, poundsToPence, quantityToMilli } from "./money-input.ts";

export type LineKindValue = "LABOUR" | "MATERIALS" | "FIXED";

/** One line as typed: quantity, unit price (pounds) and discount (percent) as text. */
export type LineForm = { key: number; kind: LineKindValue; description: string; quantity: string; unit: string; discount: string; vat: string };

/** A stored line, as the editor receives it. */
export type EditorLine = { kind: LineKindValue; description: string; quantityMilli: number; unitPricePence: number; discountBps: number; vatRateBps: number | null; vatRuleKey: string | null };

export type LineInput = {
  kind: LineKindValue;
  description: string;
  quantityMilli: number;
  unitPricePence: number;
  discountBps: number;
  vatRateBps: 2000 | 500 | 0 | null;
  vatRuleKey: "ENERGY_SAVING_MATERIALS" | null;
};

export function vatKey(l: Pick<EditorLine, "vatRateBps" | "vatRuleKey">): string {
  if (l.vatRuleKey === "ENERGY_SAVING_MATERIALS") return "ENERGY_SAVING_MATERIALS";
  return l.vatRateBps === null ? "exempt" : String(l.vatRateBps);
}

export function lineFormFrom(l: EditorLine, key: number): LineForm {
  return { key, kind: l.kind, description: l.description, quantity: String(l.quantityMilli / 1000), unit: penceToPounds(l.unitPricePence), discount: l.discountBps ? bpsToPercent(l.discountBps) : "", vat: vatKey(l) };
}

/** An empty discount is 0%. */
function discountBpsOf(text: string): number | null {
  return text.trim() === "" ? 0 : percentToBps(text);
}

function vatOf(vat: string): Pick<LineInput, "vatRateBps" | "vatRuleKey"> {
  if (vat === "ENERGY_SAVING_MATERIALS") return { vatRateBps: 0, vatRuleKey: "ENERGY_SAVING_MATERIALS" };
  return { vatRateBps: vat === "exempt" ? null : (Number(vat) as 2000 | 500 | 0), vatRuleKey: null };
}

/** The API's lines from the form, or per-field errors keyed like the server's (`lines.<i>.<field>`). */
export function linesFromForm(lines: LineForm[]): { lines: LineInput[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out = lines.map((l, i) => {
    const quantityMilli = quantityToMilli(l.quantity);
    const unitPricePence = poundsToPence(l.unit);
    const discountBps = discountBpsOf(l.discount);
    if (!l.description.trim()) errors[`lines.${i}.description`] = "Describe the line";
    if (quantityMilli === null) errors[`lines.${i}.quantityMilli`] = "A number more than 0";
    if (unitPricePence === null) errors[`lines.${i}.unitPricePence`] = "Pounds, e.g. 45.00";
    if (discountBps === null) errors[`lines.${i}.discountBps`] = "0 to 100%";
    return { kind: l.kind, description: l.description.trim(), quantityMilli: quantityMilli ?? 0, unitPricePence: unitPricePence ?? 0, discountBps: discountBps ?? 0, ...vatOf(l.vat) };
  });
  return { lines: out, errors };
}

/**
 * Live totals while typing: lines that don't read yet count as nothing. Energy-saving materials
 * are previewed at 0% (the server fixes the rate by the supply date); reverse charge and CIS
 * depend on the client and are worked out when saved.
 */
export function previewTotals(lines: LineForm[]): Pick<InvoiceTotals, "netPence" | "vatPence" | "grossPence"> & { discountPence: number } {
  const usable = lines
    .map((l, i) => ({ l, i, q: quantityToMilli(l.quantity), p: poundsToPence(l.unit), d: discountBpsOf(l.discount) }))
    .filter((x) => x.q !== null && x.p !== null && x.d !== null);
  const t = invoiceTotals(
    usable.map((x) => ({ id: `l${x.i}`, kind: x.l.kind, quantityMilli: x.q!, unitPricePence: x.p!, discountBps: x.d!, vatRateBps: vatOf(x.l.vat).vatRateBps })),
    { reverseCharge: false, cisRateBps: null },
  );
  return { netPence: t.netPence, vatPence: t.vatPence, grossPence: t.grossPence, discountPence: t.lines.reduce((s, l) => s + l.discountPence, 0) };
}
