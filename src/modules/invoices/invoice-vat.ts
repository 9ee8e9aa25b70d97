/**
 * VAT on invoice lines by supply date (pure). A line may name the VAT rule it falls under
 * (vat-rates.ts, e.g. ENERGY_SAVING_MATERIALS); its rate is then whatever that rule says on the
 * invoice's supply date, so an energy-saving installation supplied on 31 Mar 2027 is 0% and one
 * supplied on 1 Apr 2027 is 5%, with no code change. A line without a rule keeps its own rate.
 */
import { VAT_RULES, vatRuleRate, type VatRuleCode } from "@/modules/pricing/vat-rates.ts";
import { validationFailed } from "@/server/errors/errors.ts";

export const VAT_RULE_CODES = VAT_RULES.map((r) => r.code) as [VatRuleCode, ...VatRuleCode[]];

export function isVatRuleCode(value: string | null | undefined): value is VatRuleCode {
  return !!value && (VAT_RULE_CODES as string[]).includes(value);
}

/** The rate a line takes on the supply date ("YYYY-MM-DD"). */
export function lineVatRate(line: { vatRuleKey: string | null; vatRateBps: number | null }, supplyDate: string): number | null {
  if (!line.vatRuleKey) return line.vatRateBps;
  if (!isVatRuleCode(line.vatRuleKey)) throw validationFailed(`Unknown VAT rule "${line.vatRuleKey}"`, { vatRuleKey: "Choose a VAT rate" });
  return vatRuleRate(line.vatRuleKey, supplyDate);
}

/** How the invoice shows a line's VAT treatment: "20%", "5%", "0% (zero-rated)", "Exempt". */
export function vatTreatmentLabel(rateBps: number | null): string {
  if (rateBps === null) return "Exempt";
  if (rateBps === 0) return "0% (zero-rated)";
  const whole = Math.trunc(rateBps / 100);
  const frac = rateBps % 100;
  return frac === 0 ? `${whole}%` : `${whole}.${String(frac).padStart(2, "0").replace(/0$/, "")}%`;
}
