/**
 * The one money function. Quotes use it now and invoices will use it later, and the UI shows what
 * it returns, so the office, the client and the PDF always see the same pence.
 *
 * Pure: no I/O, no clock, no database. All money is integer pence; every multiplication and
 * division happens on BigInt integers and only finished pence come back as numbers, so there is
 * no floating-point arithmetic on money anywhere (and therefore no drift however many lines).
 *
 * Rules, in the order they are applied (all divisions round half-up, see `divRoundHalfUp`):
 *  1. Sell unit price = round(unitPricePence × (10000 + markupBps) / 10000). Markup is internal:
 *     the client only ever sees the sell unit price.
 *  2. Line amount before discount = round(quantityMilli × sellUnit / 1000) (quantity is in
 *     thousandths of a unit: 1.5 h = 1500).
 *  3. Discount = round(before × discountBps / 10000); line net = before − discount. Rounding the
 *     discount (not the net) means the client sees a discount and net that add up exactly.
 *  4. Inclusion: BASE lines always; OPTION lines only when `choice.options[groupId] === optionId`;
 *     ADDON lines only when their addonId is in `choice.addons`. Excluded lines are still priced
 *     (so a picker can show what an option or add-on would cost) but count towards no total.
 *  5. VAT is calculated per rate on the sum of the included lines' net at that rate (HMRC allows
 *     the invoice-level calculation), rounded half-up to the penny. One entry per non-exempt rate
 *     present among included lines, highest rate first; zero-rated lines get an entry with
 *     vatPence 0 (a VAT invoice shows zero-rated supplies as such). Exempt lines (rate null) are
 *     outside VAT and are summed in `exemptNetPence`.
 *  6. netPence = sum of included lines' net (exempt included); vatPence = sum of the rate
 *     entries; grossPence = netPence + vatPence. netByKind splits the included net by line kind
 *     (labour vs materials matters for CIS deductions).
 */
import { z } from "zod";
import { AppError } from "@/server/errors/errors.ts";

/** Bounds: generous for any real quote, and small enough that totals stay exact safe integers. */
export const PRICING_LIMITS = {
  /** 1,000,000 units, in thousandths. */
  maxQuantityMilli: 1_000_000_000,
  /** £100,000,000 per unit. */
  maxUnitPricePence: 10_000_000_000,
  /** 1000% markup. */
  maxMarkupBps: 100_000,
  /** 100% discount. */
  maxDiscountBps: 10_000,
  /** 100% VAT: there's no such UK rate, but the rates are data, so only the range is checked. */
  maxVatRateBps: 10_000,
} as const;

/** Thrown for invalid pricing input. A 422 with per-field messages when it reaches a route. */
export class PricingError extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super("VALIDATION_FAILED", message, { fields });
    this.name = "PricingError";
  }
}

const intIn = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .refine(Number.isInteger, `${label} must be a whole number`)
    .refine((n) => n >= 0, `${label} can't be negative`)
    .refine((n) => n <= max, `${label} must be at most ${max}`);

const idSchema = z.string().min(1, "Required").max(200, "Too long");

/** 2000 = 20%, 500 = 5%, 0 = zero-rated, null = exempt. */
export const vatRateBpsSchema = intIn("VAT rate", PRICING_LIMITS.maxVatRateBps).nullable();
export type VatRateBps = number | null;

export const placementSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("BASE") }),
  z.object({ kind: z.literal("OPTION"), groupId: idSchema, optionId: idSchema }),
  z.object({ kind: z.literal("ADDON"), addonId: idSchema }),
]);
export type Placement = z.infer<typeof placementSchema>;

export const LINE_KINDS = ["LABOUR", "MATERIALS", "FIXED"] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const priceLineSchema = z.object({
  id: idSchema,
  kind: z.enum(LINE_KINDS),
  /** 1.5 units = 1500. */
  quantityMilli: intIn("Quantity", PRICING_LIMITS.maxQuantityMilli),
  unitPricePence: intIn("Unit price", PRICING_LIMITS.maxUnitPricePence),
  /** Internal markup on the unit price: 2500 = 25%. Never shown to the client. */
  markupBps: intIn("Markup", PRICING_LIMITS.maxMarkupBps),
  /** 1000 = 10% off the line. */
  discountBps: intIn("Discount", PRICING_LIMITS.maxDiscountBps),
  vatRateBps: vatRateBpsSchema,
  placement: placementSchema,
});
export type PriceLine = z.infer<typeof priceLineSchema>;

/** What the client chose: one option per group, and the ticked add-ons. */
export const choiceSchema = z.object({
  options: z.record(idSchema, idSchema),
  addons: z.array(idSchema).max(500),
});
export type Choice = z.infer<typeof choiceSchema>;

export type LineTotals = {
  id: string;
  included: boolean;
  sellUnitPence: number;
  /** quantity × sell unit, before the discount. */
  beforeDiscountPence: number;
  discountPence: number;
  /** After discount, before VAT. */
  netPence: number;
};

export type VatBreakdown = { rateBps: number; netPence: number; vatPence: number };

export type Totals = {
  lines: LineTotals[];
  netPence: number;
  vat: VatBreakdown[];
  exemptNetPence: number;
  vatPence: number;
  grossPence: number;
  netByKind: Record<LineKind, number>;
};

/**
 * n / d rounded half-up (a remainder of exactly half goes away from zero), in integers.
 * For n ≥ 0: floor((2n + d) / 2d). Negative n is mirrored so -2.5 → -3.
 */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("divisor must be positive");
  if (n < 0n) return -divRoundHalfUp(-n, d);
  return (2n * n + d) / (2n * d);
}

function toSafeNumber(v: bigint, what: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new PricingError(`The ${what} is too large to price`);
  }
  return Number(v);
}

/** Validates every line (all problems at once, keyed `lines.<index>.<field>`) and unique ids. */
export function parseLines(lines: readonly unknown[]): PriceLine[] {
  const fields: Record<string, string> = {};
  const parsed: PriceLine[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, i) => {
    const r = priceLineSchema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) fields[["lines", i, ...issue.path].join(".")] ??= issue.message;
      return;
    }
    if (seen.has(r.data.id)) fields[`lines.${i}.id`] ??= "Each line needs its own id";
    seen.add(r.data.id);
    parsed.push(r.data);
  });
  const keys = Object.keys(fields);
  if (keys.length > 0) {
    throw new PricingError(`Invalid line: ${keys[0]}: ${fields[keys[0]!]}`, fields);
  }
  return parsed;
}

/** Rules 1–3 for one line, in BigInt. */
function priceLine(line: PriceLine): { sellUnit: bigint; before: bigint; discount: bigint; net: bigint } {
  const sellUnit = divRoundHalfUp(BigInt(line.unitPricePence) * (10000n + BigInt(line.markupBps)), 10000n);
  const before = divRoundHalfUp(BigInt(line.quantityMilli) * sellUnit, 1000n);
  const discount = divRoundHalfUp(before * BigInt(line.discountBps), 10000n);
  return { sellUnit, before, discount, net: before - discount };
}

/** Rule 4. */
export function isLineIncluded(line: Pick<PriceLine, "placement">, choice: Choice): boolean {
  const p = line.placement;
  switch (p.kind) {
    case "BASE":
      return true;
    case "OPTION":
      return Object.hasOwn(choice.options, p.groupId) && choice.options[p.groupId] === p.optionId;
    case "ADDON":
      return choice.addons.includes(p.addonId);
  }
}

/** VAT on a net amount at one rate, rounded half-up to the penny. */
export function vatOn(netPence: number, rateBps: number): number {
  return toSafeNumber(divRoundHalfUp(BigInt(netPence) * BigInt(rateBps), 10000n), "VAT");
}

export function computeTotals(lines: readonly PriceLine[], choice: Choice): Totals {
  const valid = parseLines(lines);
  const chosen: Choice = { options: choice.options, addons: [...new Set(choice.addons)] };

  const lineTotals: LineTotals[] = [];
  let net = 0n;
  let exempt = 0n;
  const byRate = new Map<number, bigint>();
  const byKind: Record<LineKind, bigint> = { LABOUR: 0n, MATERIALS: 0n, FIXED: 0n };

  for (const line of valid) {
    const p = priceLine(line);
    const included = isLineIncluded(line, chosen);
    lineTotals.push({
      id: line.id,
      included,
      sellUnitPence: toSafeNumber(p.sellUnit, "unit price"),
      beforeDiscountPence: toSafeNumber(p.before, "line amount"),
      discountPence: toSafeNumber(p.discount, "discount"),
      netPence: toSafeNumber(p.net, "line amount"),
    });
    if (!included) continue;
    net += p.net;
    byKind[line.kind] += p.net;
    if (line.vatRateBps === null) exempt += p.net;
    else byRate.set(line.vatRateBps, (byRate.get(line.vatRateBps) ?? 0n) + p.net);
  }

  const vat: VatBreakdown[] = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBps, rateNet]) => ({
      rateBps,
      netPence: toSafeNumber(rateNet, "net total"),
      vatPence: toSafeNumber(divRoundHalfUp(rateNet * BigInt(rateBps), 10000n), "VAT"),
    }));
  const vatTotal = vat.reduce((sum, v) => sum + BigInt(v.vatPence), 0n);

  return {
    lines: lineTotals,
    netPence: toSafeNumber(net, "net total"),
    vat,
    exemptNetPence: toSafeNumber(exempt, "exempt total"),
    vatPence: toSafeNumber(vatTotal, "VAT total"),
    grossPence: toSafeNumber(net + vatTotal, "total"),
    netByKind: {
      LABOUR: toSafeNumber(byKind.LABOUR, "labour total"),
      MATERIALS: toSafeNumber(byKind.MATERIALS, "materials total"),
      FIXED: toSafeNumber(byKind.FIXED, "fixed total"),
    },
  };
}

export type OptionGroup = { groupId: string; options: { optionId: string; lineIds: string[] }[] };

/** The option groups, with their options, in the order they first appear among the lines. */
export function optionGroups(lines: readonly Pick<PriceLine, "id" | "placement">[]): OptionGroup[] {
  const groups: OptionGroup[] = [];
  for (const line of lines) {
    const p = line.placement;
    if (p.kind !== "OPTION") continue;
    let group = groups.find((g) => g.groupId === p.groupId);
    if (!group) {
      group = { groupId: p.groupId, options: [] };
      groups.push(group);
    }
    let option = group.options.find((o) => o.optionId === p.optionId);
    if (!option) {
      option = { optionId: p.optionId, lineIds: [] };
      group.options.push(option);
    }
    option.lineIds.push(line.id);
  }
  return groups;
}

/** The add-on ids, in the order they first appear. */
export function addonIds(lines: readonly Pick<PriceLine, "placement">[]): string[] {
  const ids: string[] = [];
  for (const { placement: p } of lines) if (p.kind === "ADDON" && !ids.includes(p.addonId)) ids.push(p.addonId);
  return ids;
}

export type ChoiceProblem =
  | { code: "OPTION_MISSING"; groupId: string; message: string }
  | { code: "OPTION_UNKNOWN"; groupId: string; optionId: string; message: string }
  | { code: "GROUP_UNKNOWN"; groupId: string; message: string }
  | { code: "ADDON_UNKNOWN"; addonId: string; message: string }
  | { code: "ADDON_DUPLICATE"; addonId: string; message: string };

/**
 * What's wrong with a client's choice: every group needs exactly one option that exists in it;
 * the choice may name no group the quote doesn't have, and no add-on it doesn't offer (or the same
 * add-on twice). Empty means the choice can be accepted. Services check this before acceptance;
 * computeTotals itself prices whatever it's given, so the UI can show a half-made choice.
 */
export function validateChoice(lines: readonly Pick<PriceLine, "id" | "placement">[], choice: Choice): ChoiceProblem[] {
  const problems: ChoiceProblem[] = [];
  const groups = optionGroups(lines);
  for (const g of groups) {
    if (!Object.hasOwn(choice.options, g.groupId)) {
      problems.push({ code: "OPTION_MISSING", groupId: g.groupId, message: `Choose one option for "${g.groupId}"` });
      continue;
    }
    const optionId = choice.options[g.groupId]!;
    if (!g.options.some((o) => o.optionId === optionId)) {
      problems.push({
        code: "OPTION_UNKNOWN",
        groupId: g.groupId,
        optionId,
        message: `"${optionId}" isn't one of the options for "${g.groupId}"`,
      });
    }
  }
  for (const groupId of Object.keys(choice.options)) {
    if (!groups.some((g) => g.groupId === groupId)) {
      problems.push({ code: "GROUP_UNKNOWN", groupId, message: `This quote has no option group "${groupId}"` });
    }
  }
  const offered = new Set(addonIds(lines));
  const seen = new Set<string>();
  for (const addonId of choice.addons) {
    if (!offered.has(addonId)) {
      problems.push({ code: "ADDON_UNKNOWN", addonId, message: `This quote has no add-on "${addonId}"` });
    } else if (seen.has(addonId)) {
      problems.push({ code: "ADDON_DUPLICATE", addonId, message: `Add-on "${addonId}" is chosen twice` });
    }
    seen.add(addonId);
  }
  return problems;
}

/** What the office sees by default: the first option of each group, no add-ons. */
export function defaultChoice(lines: readonly Pick<PriceLine, "id" | "placement">[]): Choice {
  return {
    options: Object.fromEntries(optionGroups(lines).map((g) => [g.groupId, g.options[0]!.optionId])),
    addons: [],
  };
}

/** "20%", "5%", "0%", "12.5%", "Exempt". */
export function vatLabel(rateBps: VatRateBps): string {
  if (rateBps === null) return "Exempt";
  const whole = Math.trunc(rateBps / 100);
  const frac = rateBps % 100;
  if (frac === 0) return `${whole}%`;
  return `${whole}.${String(frac).padStart(2, "0").replace(/0$/, "")}%`;
}
