import { describe, expect, it } from "vitest";
import { PricingError } from "@/modules/pricing/pricing.ts";
import {
  availableVatRates,
  energySavingMaterialsRate,
  isIsoDate,
  VAT_RULES,
  vatRuleRate,
} from "@/modules/pricing/vat-rates.ts";

function dayAfter(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

describe("energy-saving materials", () => {
  it("is 0% from 2022-04-01 to 2027-03-31 inclusive, 5% either side", () => {
    expect(energySavingMaterialsRate("2022-03-31")).toBe(500);
    expect(energySavingMaterialsRate("2022-04-01")).toBe(0);
    expect(energySavingMaterialsRate("2025-06-15")).toBe(0);
    expect(energySavingMaterialsRate("2027-03-31")).toBe(0);
    expect(energySavingMaterialsRate("2027-04-01")).toBe(500);
    expect(energySavingMaterialsRate("2035-01-01")).toBe(500);
  });

  it("refuses a supply date that isn't a real YYYY-MM-DD date", () => {
    for (const bad of ["2027-02-30", "2027-4-1", "2027-04-01T00:00:00Z", "31/03/2027", "", "2027-13-01"]) {
      expect(() => energySavingMaterialsRate(bad), bad).toThrow(PricingError);
    }
    expect(isIsoDate("2028-02-29")).toBe(true); // leap year
    expect(isIsoDate("2027-02-29")).toBe(false);
  });
});

describe("other rates", () => {
  it("resolves standard, reduced, zero and exempt", () => {
    expect(vatRuleRate("STANDARD", "2026-05-01")).toBe(2000);
    expect(vatRuleRate("REDUCED", "2026-05-01")).toBe(500);
    expect(vatRuleRate("ZERO", "2026-05-01")).toBe(0);
    expect(vatRuleRate("EXEMPT", "2026-05-01")).toBeNull();
  });
});

describe("VAT_RULES data", () => {
  it("has every rule's windows chronological, gap-free and open at both ends", () => {
    expect(VAT_RULES.map((r) => r.code).sort()).toEqual(["ENERGY_SAVING_MATERIALS", "EXEMPT", "REDUCED", "STANDARD", "ZERO"]);
    for (const rule of VAT_RULES) {
      const w = rule.windows;
      expect(w.length, rule.code).toBeGreaterThan(0);
      expect(w[0]!.from, rule.code).toBeNull();
      expect(w[w.length - 1]!.to, rule.code).toBeNull();
      for (let i = 1; i < w.length; i++) {
        const prevTo = w[i - 1]!.to;
        expect(prevTo, rule.code).not.toBeNull();
        expect(isIsoDate(prevTo!)).toBe(true);
        expect(w[i]!.from, rule.code).toBe(dayAfter(prevTo!));
        if (w[i]!.to !== null) expect(w[i]!.to! >= w[i]!.from!).toBe(true);
      }
    }
  });
});

describe("availableVatRates", () => {
  it("offers one entry per rate, energy-saving materials under 0% until 2027-03-31", () => {
    const rates = availableVatRates("2027-03-31");
    expect(rates.map((r) => [r.key, r.value, r.label])).toEqual([
      ["2000", 2000, "20%"],
      ["500", 500, "5%"],
      ["0", 0, "0%"],
      ["exempt", null, "Exempt"],
    ]);
    expect(rates.find((r) => r.value === 0)!.codes).toEqual(["ZERO", "ENERGY_SAVING_MATERIALS"]);
    expect(rates.find((r) => r.value === 0)!.description).toMatch(/Energy-saving materials/);
    expect(rates.find((r) => r.value === 500)!.codes).toEqual(["REDUCED"]);
  });

  it("moves energy-saving materials to 5% from 2027-04-01", () => {
    const rates = availableVatRates("2027-04-01");
    expect(rates.map((r) => r.key)).toEqual(["2000", "500", "0", "exempt"]);
    expect(rates.find((r) => r.value === 500)!.codes).toEqual(["REDUCED", "ENERGY_SAVING_MATERIALS"]);
    expect(rates.find((r) => r.value === 0)!.codes).toEqual(["ZERO"]);
  });

  it("refuses a bad date", () => {
    expect(() => availableVatRates("tomorrow")).toThrow(PricingError);
  });
});
