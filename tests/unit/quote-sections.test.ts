import { describe, expect, it } from "vitest";
import { computeTotals, defaultChoice, type PriceLine } from "@/modules/pricing/pricing.ts";
import { groupBySection, sectionOf } from "@/modules/quotes/quote-sections.ts";

type L = { id: string; section: string | null; placement: "BASE" | "OPTION" | "ADDON"; pence: number };
const line = (id: string, section: string | null, pence: number, placement: L["placement"] = "BASE"): L => ({ id, section, placement, pence });

describe("quote sections", () => {
  it("only always-included lines have a section; names are trimmed and blank means none", () => {
    expect(sectionOf({ section: " Kitchen ", placement: "BASE" })).toBe("Kitchen");
    expect(sectionOf({ section: "  ", placement: "BASE" })).toBeNull();
    expect(sectionOf({ section: null, placement: "BASE" })).toBeNull();
    expect(sectionOf({ section: "Kitchen", placement: "OPTION" })).toBeNull();
    expect(sectionOf({ section: "Kitchen", placement: "ADDON" })).toBeNull();
  });

  it("groups unsectioned lines first, then sections in first-appearance order, with subtotals", () => {
    const lines = [line("a", "Kitchen", 100), line("b", null, 7), line("c", "Bathroom", 50), line("d", "Kitchen", 25), line("e", "Kitchen", 999, "OPTION")];
    const groups = groupBySection(lines, sectionOf, (l) => l.pence);
    expect(groups.map((g) => [g.name, g.items.map((i) => i.id), g.netPence])).toEqual([
      [null, ["b", "e"], 1006],
      ["Kitchen", ["a", "d"], 125],
      ["Bathroom", ["c"], 50],
    ]);
  });

  it("keeps the given section order and empty sections; no unsectioned group when every line has a section", () => {
    const groups = groupBySection([line("a", "Kitchen", 1)], sectionOf, (l) => l.pence, ["Hall", "Kitchen"]);
    expect(groups.map((g) => [g.name, g.items.length, g.netPence])).toEqual([
      ["Hall", 0, 0],
      ["Kitchen", 1, 1],
    ]);
  });

  it("section subtotals of the pricing function's line nets add up to the quote's net", () => {
    const priced: (PriceLine & { section: string | null })[] = [
      { id: "1", section: "Kitchen", kind: "LABOUR", quantityMilli: 1500, unitPricePence: 4_333, markupBps: 1_250, discountBps: 333, vatRateBps: 2000, placement: { kind: "BASE" } },
      { id: "2", section: "Kitchen", kind: "MATERIALS", quantityMilli: 3_000, unitPricePence: 1_999, markupBps: 0, discountBps: 0, vatRateBps: 500, placement: { kind: "BASE" } },
      { id: "3", section: "Loft", kind: "FIXED", quantityMilli: 1_000, unitPricePence: 25_000, markupBps: 0, discountBps: 1_000, vatRateBps: null, placement: { kind: "BASE" } },
      { id: "4", section: null, kind: "FIXED", quantityMilli: 1_000, unitPricePence: 7_500, markupBps: 0, discountBps: 0, vatRateBps: 2000, placement: { kind: "BASE" } },
    ];
    const totals = computeTotals(priced, defaultChoice(priced));
    const net = new Map(totals.lines.map((l) => [l.id, l.netPence]));
    const groups = groupBySection(
      priced.map((p) => ({ ...p, placement: p.placement.kind })),
      sectionOf,
      (l) => net.get(l.id)!,
    );
    expect(groups.map((g) => g.name)).toEqual([null, "Kitchen", "Loft"]);
    expect(groups.reduce((s, g) => s + g.netPence, 0)).toBe(totals.netPence);
    expect(groups[1]!.netPence).toBe(net.get("1")! + net.get("2")!);
  });
});
