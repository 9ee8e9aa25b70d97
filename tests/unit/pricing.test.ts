import { describe, expect, expectTypeOf, it } from "vitest";
import { AppError } from "@/server/errors/errors.ts";
import {
  addonIds,
  computeTotals,
  defaultChoice,
  divRoundHalfUp,
  optionGroups,
  PricingError,
  priceLineSchema,
  validateChoice,
  vatLabel,
  type Choice,
  type PriceLine,
} from "@/modules/pricing/pricing.ts";

const NONE: Choice = { options: {}, addons: [] };

let seq = 0;
function line(over: Partial<PriceLine> = {}): PriceLine {
  seq += 1;
  return {
    id: `l${seq}`,
    kind: "FIXED",
    quantityMilli: 1000,
    unitPricePence: 0,
    markupBps: 0,
    discountBps: 0,
    vatRateBps: 2000,
    placement: { kind: "BASE" },
    ...over,
  };
}

function one(l: PriceLine) {
  return computeTotals([l], NONE).lines[0]!;
}

describe("divRoundHalfUp", () => {
  it("rounds exact halves away from zero and everything else to nearest", () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n); // 2.5 → 3
    expect(divRoundHalfUp(7n, 2n)).toBe(4n); // 3.5 → 4
    expect(divRoundHalfUp(1n, 3n)).toBe(0n); // 0.33 → 0
    expect(divRoundHalfUp(2n, 3n)).toBe(1n); // 0.67 → 1
    expect(divRoundHalfUp(4999n, 10000n)).toBe(0n);
    expect(divRoundHalfUp(5000n, 10000n)).toBe(1n);
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n); // -2.5 → -3 (away from zero)
    expect(divRoundHalfUp(-4n, 3n)).toBe(-1n);
    expect(divRoundHalfUp(0n, 7n)).toBe(0n);
    expect(() => divRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe("line pricing and rounding at .5", () => {
  it("rounds the sell unit price half-up", () => {
    // 1p × 1.5 = 1.5 → 2; 3p × 1.5 = 4.5 → 5; 1p × 1.4999 = 1.4999 → 1
    expect(one(line({ unitPricePence: 1, markupBps: 5000 })).sellUnitPence).toBe(2);
    expect(one(line({ unitPricePence: 3, markupBps: 5000 })).sellUnitPence).toBe(5);
    expect(one(line({ unitPricePence: 1, markupBps: 4999 })).sellUnitPence).toBe(1);
    // 10p × 1.15 = 11.5 → 12 (in floats 10 * 1.15 = 11.4999999… and Math.round would say 11)
    expect(one(line({ unitPricePence: 10, markupBps: 1500 })).sellUnitPence).toBe(12);
  });

  it("rounds quantity × unit half-up", () => {
    // 0.5 × 1p = 0.5 → 1; 1.5 × 3p = 4.5 → 5; 0.499 × 1p → 0
    expect(one(line({ quantityMilli: 500, unitPricePence: 1 })).netPence).toBe(1);
    expect(one(line({ quantityMilli: 1500, unitPricePence: 3 })).netPence).toBe(5);
    expect(one(line({ quantityMilli: 499, unitPricePence: 1 })).netPence).toBe(0);
    // 1.005 × 100p = 100.5 → 101 (in floats 1.005 * 100 = 100.4999… and Math.round would say 100)
    expect(one(line({ quantityMilli: 1005, unitPricePence: 100 })).netPence).toBe(101);
  });

  it("rounds the discount half-up and subtracts it", () => {
    // 5p − 10%: discount 0.5 → 1, net 4;   15p: 1.5 → 2, net 13;   25p: 2.5 → 3, net 22
    expect(one(line({ unitPricePence: 5, discountBps: 1000 }))).toMatchObject({ discountPence: 1, netPence: 4 });
    expect(one(line({ unitPricePence: 15, discountBps: 1000 }))).toMatchObject({ discountPence: 2, netPence: 13 });
    expect(one(line({ unitPricePence: 25, discountBps: 1000 }))).toMatchObject({ discountPence: 3, netPence: 22 });
    // 100% discount leaves nothing
    expect(one(line({ unitPricePence: 999, discountBps: 10000 }))).toMatchObject({ discountPence: 999, netPence: 0 });
  });

  it("rounds VAT half-up on the net per rate", () => {
    const vatAt = (net: number, rate: number) =>
      computeTotals([line({ unitPricePence: net, vatRateBps: rate })], NONE).vatPence;
    expect(vatAt(10, 500)).toBe(1); // 0.5 → 1
    expect(vatAt(30, 500)).toBe(2); // 1.5 → 2
    expect(vatAt(50, 500)).toBe(3); // 2.5 → 3
    expect(vatAt(9, 500)).toBe(0); // 0.45 → 0
    expect(vatAt(7, 2000)).toBe(1); // 1.4 → 1
    expect(vatAt(8, 2000)).toBe(2); // 1.6 → 2
  });

  it("calculates VAT on the sum per rate, not per line", () => {
    // three 1p lines at 20%: per line 0.2 → 0 each, but 3p × 20% = 0.6 → 1
    const t = computeTotals([line({ unitPricePence: 1 }), line({ unitPricePence: 1 }), line({ unitPricePence: 1 })], NONE);
    expect(t.vat).toEqual([{ rateBps: 2000, netPence: 3, vatPence: 1 }]);
    expect(t.grossPence).toBe(4);
  });
});

describe("computeTotals", () => {
  it("prices a fractional quantity: 1.5 h × £45.50", () => {
    // 1.5 × 4550 = 6825; VAT 20% = 1365; gross 8190
    const t = computeTotals([line({ id: "lab", kind: "LABOUR", quantityMilli: 1500, unitPricePence: 4550 })], NONE);
    expect(t.lines).toEqual([
      { id: "lab", included: true, sellUnitPence: 4550, beforeDiscountPence: 6825, discountPence: 0, netPence: 6825 },
    ]);
    expect(t).toMatchObject({ netPence: 6825, vatPence: 1365, grossPence: 8190, exemptNetPence: 0 });
    expect(t.netByKind).toEqual({ LABOUR: 6825, MATERIALS: 0, FIXED: 0 });
  });

  it("applies markup then discount", () => {
    // £10 + 25% = 1250; × 3 = 3750; −10% = 375 off → 3375; VAT 675; gross 4050
    const a = computeTotals([line({ quantityMilli: 3000, unitPricePence: 1000, markupBps: 2500, discountBps: 1000 })], NONE);
    expect(a.lines[0]).toMatchObject({ sellUnitPence: 1250, beforeDiscountPence: 3750, discountPence: 375, netPence: 3375 });
    expect(a).toMatchObject({ netPence: 3375, vatPence: 675, grossPence: 4050 });

    // 333 × 1.15 = 382.95 → 383; × 2.5 = 957.5 → 958; 7.5% = 71.85 → 72 → net 886; VAT 177.2 → 177; gross 1063
    const b = computeTotals([line({ quantityMilli: 2500, unitPricePence: 333, markupBps: 1500, discountBps: 750 })], NONE);
    expect(b.lines[0]).toMatchObject({ sellUnitPence: 383, beforeDiscountPence: 958, discountPence: 72, netPence: 886 });
    expect(b).toMatchObject({ netPence: 886, vatPence: 177, grossPence: 1063 });
  });

  it("splits mixed rates: 20%, 5%, 0% and exempt in one quote", () => {
    const t = computeTotals(
      [
        line({ id: "a", kind: "LABOUR", quantityMilli: 8000, unitPricePence: 4500, vatRateBps: 2000 }), // 36000
        line({ id: "b", kind: "MATERIALS", unitPricePence: 12345, vatRateBps: 500 }), // 12345
        line({ id: "c", kind: "MATERIALS", unitPricePence: 650000, vatRateBps: 0 }), // 650000
        line({ id: "d", kind: "FIXED", unitPricePence: 2500, vatRateBps: null }), // 2500 exempt
        line({ id: "e", kind: "LABOUR", quantityMilli: 2000, unitPricePence: 3333, vatRateBps: 2000 }), // 6666
      ],
      NONE,
    );
    // 20%: 42666 → 8533.2 → 8533;  5%: 12345 → 617.25 → 617;  0%: 650000 → 0
    expect(t.vat).toEqual([
      { rateBps: 2000, netPence: 42666, vatPence: 8533 },
      { rateBps: 500, netPence: 12345, vatPence: 617 },
      { rateBps: 0, netPence: 650000, vatPence: 0 },
    ]);
    expect(t.exemptNetPence).toBe(2500);
    expect(t.netPence).toBe(707511); // 42666 + 12345 + 650000 + 2500
    expect(t.vatPence).toBe(9150); // 8533 + 617
    expect(t.grossPence).toBe(716661);
    expect(t.netByKind).toEqual({ LABOUR: 42666, MATERIALS: 662345, FIXED: 2500 });
  });

  it("has no VAT entries for an all-exempt quote, and an empty quote is all zeros", () => {
    const t = computeTotals([line({ unitPricePence: 100, vatRateBps: null })], NONE);
    expect(t.vat).toEqual([]);
    expect(t).toMatchObject({ netPence: 100, exemptNetPence: 100, vatPence: 0, grossPence: 100 });
    expect(computeTotals([], NONE)).toEqual({
      lines: [],
      netPence: 0,
      vat: [],
      exemptNetPence: 0,
      vatPence: 0,
      grossPence: 0,
      netByKind: { LABOUR: 0, MATERIALS: 0, FIXED: 0 },
    });
  });

  it("prices a quote over £1,000,000.00 exactly", () => {
    // £1,000,000.00 + (£1,234,567.89 + 10% = 135,802,467.9 → 135,802,468)
    const t = computeTotals(
      [
        line({ unitPricePence: 100_000_000 }),
        line({ kind: "LABOUR", unitPricePence: 123_456_789, markupBps: 1000 }),
      ],
      NONE,
    );
    expect(t.lines[1]!.sellUnitPence).toBe(135_802_468);
    expect(t.netPence).toBe(235_802_468);
    expect(t.vatPence).toBe(47_160_494); // 47,160,493.6 → 47,160,494
    expect(t.grossPence).toBe(282_962_962);
  });

  it("stays exact where floats can't (products beyond 2^53)", () => {
    // 999.999 × 9,999,999,999p = 9,999,989,999,000.001 → 9,999,989,999,000 (the product
    // 9,999,989,999,000,001 needs 54 bits); VAT 20% = 1,999,997,999,800
    const t = computeTotals([line({ quantityMilli: 999_999, unitPricePence: 9_999_999_999 })], NONE);
    expect(t.netPence).toBe(9_999_989_999_000);
    expect(t.vatPence).toBe(1_999_997_999_800);
    expect(t.grossPence).toBe(11_999_987_998_800);

    // 901.501 × 9,999,999,999p = 9,015,009,999,098.499 → 9,015,009,999,098 (rounds down). As a
    // float the product 9,015,009,999,098,499 becomes …098,500 and would round up to …099.
    const u = computeTotals([line({ quantityMilli: 901_501, unitPricePence: 9_999_999_999 })], NONE);
    expect(u.netPence).toBe(9_015_009_999_098);
    expect(u.vatPence).toBe(1_803_001_999_820); // 1,803,001,999,819.6 → …820
    expect(u.grossPence).toBe(10_818_011_998_918);
    // a total that no longer fits a safe integer is refused, never approximated
    expect(() =>
      computeTotals([line({ quantityMilli: 1_000_000_000, unitPricePence: 10_000_000_000 })], NONE),
    ).toThrow(PricingError);
  });

  it("has no drift over many lines: 1000 × (0.1 × 33p)", () => {
    // the same sum in floats is not 3300
    let float = 0;
    for (let i = 0; i < 1000; i++) float += 0.1 * 33;
    expect(float).not.toBe(3300);

    // each line: 0.1 × 33 = 3.3 → 3p; 1000 lines = 3000p; VAT 600; gross 3600
    const lines = Array.from({ length: 1000 }, (_, i) => line({ id: `m${i}`, quantityMilli: 100, unitPricePence: 33 }));
    const t = computeTotals(lines, NONE);
    expect(t.lines.every((l) => l.netPence === 3)).toBe(true);
    expect(t).toMatchObject({ netPence: 3000, vatPence: 600, grossPence: 3600 });

    // 0.1 × 35 = 3.5 → 4p each (half-up on every line): 4000p; VAT 800
    const halves = Array.from({ length: 1000 }, (_, i) => line({ id: `h${i}`, quantityMilli: 100, unitPricePence: 35 }));
    expect(computeTotals(halves, NONE)).toMatchObject({ netPence: 4000, vatPence: 800, grossPence: 4800 });

    // 10,000 lines of 10p − 33.33% (3.333 → 3) = 7p: 70,000p; at 5%: 3500
    const many = Array.from({ length: 10_000 }, (_, i) =>
      line({ id: `d${i}`, unitPricePence: 10, discountBps: 3333, vatRateBps: 500 }),
    );
    expect(computeTotals(many, NONE)).toMatchObject({ netPence: 70_000, vatPence: 3500, grossPence: 73_500 });
  });
});

describe("options (good/better/best) and add-ons", () => {
  const lines: PriceLine[] = [
    line({ id: "base", kind: "LABOUR", unitPricePence: 50_000 }),
    line({ id: "good", kind: "MATERIALS", unitPricePence: 150_000, placement: { kind: "OPTION", groupId: "boiler", optionId: "good" } }),
    line({ id: "better-1", kind: "MATERIALS", unitPricePence: 200_000, placement: { kind: "OPTION", groupId: "boiler", optionId: "better" } }),
    line({ id: "better-2", kind: "LABOUR", quantityMilli: 4000, unitPricePence: 5000, placement: { kind: "OPTION", groupId: "boiler", optionId: "better" } }),
    line({ id: "best-1", kind: "MATERIALS", unitPricePence: 300_000, placement: { kind: "OPTION", groupId: "boiler", optionId: "best" } }),
    line({ id: "best-2", kind: "LABOUR", unitPricePence: 25_000, placement: { kind: "OPTION", groupId: "boiler", optionId: "best" } }),
    line({ id: "stat", kind: "MATERIALS", unitPricePence: 17_999, vatRateBps: 0, placement: { kind: "ADDON", addonId: "thermostat" } }),
  ];
  const pick = (option: string, addons: string[] = []) => computeTotals(lines, { options: { boiler: option }, addons });

  it("changes totals with the chosen option", () => {
    // good: 50,000 + 150,000 = 200,000; VAT 40,000
    expect(pick("good")).toMatchObject({ netPence: 200_000, vatPence: 40_000, grossPence: 240_000 });
    // better: 50,000 + 200,000 + 4 × 5,000 = 270,000; VAT 54,000
    expect(pick("better")).toMatchObject({ netPence: 270_000, vatPence: 54_000, grossPence: 324_000 });
    // best: 50,000 + 300,000 + 25,000 = 375,000; VAT 75,000
    const best = pick("best");
    expect(best).toMatchObject({ netPence: 375_000, vatPence: 75_000, grossPence: 450_000 });
    expect(best.netByKind).toEqual({ LABOUR: 75_000, MATERIALS: 300_000, FIXED: 0 });
    // excluded lines are still priced, so a picker can show each option's price
    expect(best.lines.find((l) => l.id === "good")).toMatchObject({ included: false, netPence: 150_000 });
    expect(best.lines.map((l) => l.included)).toEqual([true, false, false, false, true, true, false]);
  });

  it("adds an add-on only when ticked (once, even if listed twice)", () => {
    const on = pick("best", ["thermostat"]);
    expect(on.netPence).toBe(392_999); // 375,000 + 17,999
    expect(on.vat).toEqual([
      { rateBps: 2000, netPence: 375_000, vatPence: 75_000 },
      { rateBps: 0, netPence: 17_999, vatPence: 0 },
    ]);
    expect(on.grossPence).toBe(467_999);
    expect(pick("best", ["thermostat", "thermostat"]).netPence).toBe(392_999);
    expect(pick("best", []).netPence).toBe(375_000);
  });

  it("includes no option line when the group has no choice or an unknown one", () => {
    expect(computeTotals(lines, NONE).netPence).toBe(50_000);
    expect(pick("platinum").netPence).toBe(50_000);
    // an inherited property name is not a choice
    expect(computeTotals([line({ unitPricePence: 5, placement: { kind: "OPTION", groupId: "toString", optionId: "x" } })], NONE).netPence).toBe(0);
  });

  it("lists groups and options in first-seen order", () => {
    const more = [
      ...lines,
      line({ id: "pipe-copper", placement: { kind: "OPTION", groupId: "pipes", optionId: "copper" } }),
      line({ id: "pipe-plastic", placement: { kind: "OPTION", groupId: "pipes", optionId: "plastic" } }),
      line({ id: "good-2", placement: { kind: "OPTION", groupId: "boiler", optionId: "good" } }),
      line({ id: "flush", placement: { kind: "ADDON", addonId: "powerflush" } }),
    ];
    expect(optionGroups(more)).toEqual([
      {
        groupId: "boiler",
        options: [
          { optionId: "good", lineIds: ["good", "good-2"] },
          { optionId: "better", lineIds: ["better-1", "better-2"] },
          { optionId: "best", lineIds: ["best-1", "best-2"] },
        ],
      },
      {
        groupId: "pipes",
        options: [
          { optionId: "copper", lineIds: ["pipe-copper"] },
          { optionId: "plastic", lineIds: ["pipe-plastic"] },
        ],
      },
    ]);
    expect(addonIds(more)).toEqual(["thermostat", "powerflush"]);
    expect(defaultChoice(more)).toEqual({ options: { boiler: "good", pipes: "copper" }, addons: [] });
    expect(defaultChoice([line()])).toEqual({ options: {}, addons: [] });
  });

  it("defaults to the first option, which is what the office sees", () => {
    expect(computeTotals(lines, defaultChoice(lines)).grossPence).toBe(240_000);
  });

  it("validates a choice", () => {
    expect(validateChoice(lines, { options: { boiler: "better" }, addons: ["thermostat"] })).toEqual([]);
    expect(validateChoice(lines, NONE).map((p) => p.code)).toEqual(["OPTION_MISSING"]);
    expect(validateChoice(lines, { options: { boiler: "platinum" }, addons: [] })).toEqual([
      { code: "OPTION_UNKNOWN", groupId: "boiler", optionId: "platinum", message: '"platinum" isn\'t one of the options for "boiler"' },
    ]);
    expect(
      validateChoice(lines, { options: { boiler: "good", colour: "red" }, addons: ["thermostat", "thermostat", "jacuzzi"] }),
    ).toEqual([
      { code: "GROUP_UNKNOWN", groupId: "colour", message: 'This quote has no option group "colour"' },
      { code: "ADDON_DUPLICATE", addonId: "thermostat", message: 'Add-on "thermostat" is chosen twice' },
      { code: "ADDON_UNKNOWN", addonId: "jacuzzi", message: 'This quote has no add-on "jacuzzi"' },
    ]);
    // a choice naming an option of another group is not a choice for this group
    expect(validateChoice(lines, { options: { toString: "good" }, addons: [] }).map((p) => p.code)).toEqual([
      "OPTION_MISSING",
      "GROUP_UNKNOWN",
    ]);
    // a quote without options accepts the empty choice
    expect(validateChoice([line()], NONE)).toEqual([]);
  });
});

describe("invalid input is refused", () => {
  const refused = (over: Record<string, unknown>, field: string) => {
    const bad = { ...line(), ...over } as PriceLine;
    let caught: unknown;
    try {
      computeTotals([line(), bad], NONE);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PricingError);
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as PricingError;
    expect(err.status).toBe(422);
    expect(Object.keys(err.details.fields ?? {})).toContain(`lines.1.${field}`);
  };

  it("refuses non-integers, negatives and out-of-range numbers", () => {
    refused({ quantityMilli: 1.5 }, "quantityMilli");
    refused({ quantityMilli: -1000 }, "quantityMilli");
    refused({ quantityMilli: 1_000_000_001 }, "quantityMilli");
    refused({ unitPricePence: 45.5 }, "unitPricePence");
    refused({ unitPricePence: -1 }, "unitPricePence");
    refused({ unitPricePence: Number.NaN }, "unitPricePence");
    refused({ unitPricePence: Number.POSITIVE_INFINITY }, "unitPricePence");
    refused({ unitPricePence: "100" }, "unitPricePence");
    refused({ markupBps: 100_001 }, "markupBps");
    refused({ markupBps: -1 }, "markupBps");
    refused({ discountBps: 10_001 }, "discountBps");
    refused({ discountBps: 0.5 }, "discountBps");
    refused({ vatRateBps: 10_001 }, "vatRateBps");
    refused({ vatRateBps: -500 }, "vatRateBps");
    refused({ vatRateBps: undefined }, "vatRateBps");
    refused({ vatRateBps: 17.5 }, "vatRateBps");
  });

  it("refuses bad ids, kinds and placements", () => {
    refused({ id: "" }, "id");
    refused({ kind: "PLANT" }, "kind");
    refused({ placement: { kind: "OPTION", groupId: "g" } }, "placement.optionId");
    refused({ placement: { kind: "ADDON", addonId: "" } }, "placement.addonId");
    refused({ placement: { kind: "SECTION" } }, "placement.kind");
    expect(() => computeTotals([line({ id: "dup" }), line({ id: "dup" })], NONE)).toThrow(/lines\.1\.id/);
  });

  it("reports every bad field with a readable message", () => {
    try {
      computeTotals([line({ quantityMilli: -1, discountBps: 1.5 })], NONE);
      expect.unreachable();
    } catch (e) {
      expect((e as PricingError).details.fields).toEqual({
        "lines.0.quantityMilli": "Quantity can't be negative",
        "lines.0.discountBps": "Discount must be a whole number",
      });
    }
  });

  it("exposes the schema, whose type matches PriceLine", () => {
    expect(priceLineSchema.safeParse(line()).success).toBe(true);
    expectTypeOf<PriceLine["vatRateBps"]>().toEqualTypeOf<number | null>();
    expectTypeOf<PriceLine["kind"]>().toEqualTypeOf<"LABOUR" | "MATERIALS" | "FIXED">();
  });
});

describe("vatLabel", () => {
  it("labels rates", () => {
    expect(vatLabel(2000)).toBe("20%");
    expect(vatLabel(500)).toBe("5%");
    expect(vatLabel(0)).toBe("0%");
    expect(vatLabel(null)).toBe("Exempt");
    expect(vatLabel(1750)).toBe("17.5%");
    expect(vatLabel(1275)).toBe("12.75%");
    expect(vatLabel(5)).toBe("0.05%");
  });
});
