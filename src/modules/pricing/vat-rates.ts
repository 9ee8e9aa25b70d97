/**
 * UK VAT rates and the dates they apply, as data. When a rate or window changes (the
 * energy-saving-materials relief ends on 31 Mar 2027), edit VAT_RULES: no code path changes.
 *
 * Dates are supply dates as "YYYY-MM-DD" strings; windows are inclusive at both ends and an open
 * end is null. ISO dates compare correctly as strings, so no Date arithmetic (and no clock) is
 * involved: callers pass the supply date in.
 */
import { PricingError, vatLabel, type VatRateBps } from "./pricing.ts";

export type VatRuleCode = "STANDARD" | "REDUCED" | "ZERO" | "EXEMPT" | "ENERGY_SAVING_MATERIALS";

export type VatWindow = {
  /** First supply date the rate applies to, inclusive; null = since before anything modelled. */
  from: string | null;
  /** Last supply date, inclusive; null = until further notice. */
  to: string | null;
  rateBps: VatRateBps;
};

export type VatRule = {
  code: VatRuleCode;
  label: string;
  description: string;
  /** Chronological, non-overlapping and gap-free (checked by the unit tests). */
  windows: readonly VatWindow[];
};

export const VAT_RULES: readonly VatRule[] = [
  {
    code: "STANDARD",
    label: "Standard",
    description: "Most work and materials",
    windows: [{ from: null, to: null, rateBps: 2000 }],
  },
  {
    code: "REDUCED",
    label: "Reduced",
    description: "e.g. domestic fuel and power, some residential conversions and renovations",
    windows: [{ from: null, to: null, rateBps: 500 }],
  },
  {
    code: "ZERO",
    label: "Zero-rated",
    description: "e.g. building new dwellings",
    windows: [{ from: null, to: null, rateBps: 0 }],
  },
  {
    code: "EXEMPT",
    label: "Exempt",
    description: "Outside VAT (e.g. some land and property supplies)",
    windows: [{ from: null, to: null, rateBps: null }],
  },
  {
    // Installed in residential accommodation in Great Britain (insulation, heating and hot-water
    // controls, solar PV, heat pumps, batteries, ...). Materials supplied without installation are
    // standard-rated: pick STANDARD for those. Before April 2022 the relief was the reduced rate.
    code: "ENERGY_SAVING_MATERIALS",
    label: "Energy-saving materials (installed, homes in GB)",
    description: "Insulation, heat pumps, solar PV, batteries, heating controls installed in homes in Great Britain",
    windows: [
      { from: null, to: "2022-03-31", rateBps: 500 },
      { from: "2022-04-01", to: "2027-03-31", rateBps: 0 },
      { from: "2027-04-01", to: null, rateBps: 500 },
    ],
  },
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) {
    throw new PricingError(`Expected a supply date as YYYY-MM-DD, got "${value}"`, { supplyDate: "Use a date as YYYY-MM-DD" });
  }
}

function inWindow(w: VatWindow, date: string): boolean {
  return (w.from === null || date >= w.from) && (w.to === null || date <= w.to);
}

/** The rate of one rule on a supply date. */
export function vatRuleRate(code: VatRuleCode, supplyDate: string): VatRateBps {
  assertIsoDate(supplyDate);
  const rule = VAT_RULES.find((r) => r.code === code);
  if (!rule) throw new RangeError(`Unknown VAT rule ${code}`);
  const window = rule.windows.find((w) => inWindow(w, supplyDate));
  if (!window) throw new RangeError(`No ${code} VAT rate is defined for ${supplyDate}`);
  return window.rateBps;
}

/** 0 for supplies from 2022-04-01 to 2027-03-31 inclusive, 5% (500) after (and before). */
export function energySavingMaterialsRate(supplyDate: string): number {
  const rate = vatRuleRate("ENERGY_SAVING_MATERIALS", supplyDate);
  if (rate === null) throw new RangeError("Energy-saving materials can't be exempt");
  return rate;
}

export type VatRateChoice = {
  /** Stable string key for a select element: "2000", "500", "0" or "exempt". */
  key: string;
  value: VatRateBps;
  /** "20%", "5%", "0%", "Exempt". */
  label: string;
  description: string;
  /** The rules that resolve to this rate on the date. */
  codes: VatRuleCode[];
};

/**
 * The rates a line can take on a supply date, for pickers: one entry per distinct rate (a line
 * stores only the rate, so two entries with the same value couldn't round-trip), highest first,
 * exempt last. Rules that share a rate on that date share its entry and its description, so
 * energy-saving materials appear under 0% until 31 Mar 2027 and under 5% from 1 Apr 2027.
 */
export function availableVatRates(supplyDate: string): VatRateChoice[] {
  const byValue = new Map<VatRateBps, { descriptions: string[]; codes: VatRuleCode[] }>();
  for (const rule of VAT_RULES) {
    const value = vatRuleRate(rule.code, supplyDate);
    const entry = byValue.get(value) ?? { descriptions: [], codes: [] };
    entry.descriptions.push(`${rule.label}: ${rule.description}`);
    entry.codes.push(rule.code);
    byValue.set(value, entry);
  }
  return [...byValue.entries()]
    .sort(([a], [b]) => (b ?? -1) - (a ?? -1))
    .map(([value, e]) => ({
      key: value === null ? "exempt" : String(value),
      value,
      label: vatLabel(value),
      description: e.descriptions.join(". "),
      codes: e.codes,
    }));
}
