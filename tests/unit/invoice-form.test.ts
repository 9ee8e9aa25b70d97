import { describe, expect, it } from "vitest";
import { bpsToPercent, localToday, penceToPounds, percentToBps, poundsToPence, quantityToMilli } from "@/modules/invoices/components/money-input.ts";
import { lineFormFrom, linesFromForm, previewTotals, type LineForm } from "@/modules/invoices/components/invoice-form.ts";
import { invoiceBadge } from "@/modules/invoices/invoice-labels.ts";
import { dueDateFor, isOverdue, settledStatus, voidRefusal } from "@/modules/invoices/invoice-status.ts";
import { netForGross, splitDeposit } from "@/modules/invoices/invoices.service.ts";

describe("invoice form conversions", () => {
  it("reads pounds as pence without floating point", () => {
    expect(poundsToPence("12.5")).toBe(1250);
    expect(poundsToPence("£1,234.56")).toBe(123456);
    expect(poundsToPence("0.07")).toBe(7);
    expect(poundsToPence("1.005")).toBeNull();
    expect(poundsToPence("-3")).toBeNull();
    expect(poundsToPence("")).toBeNull();
    expect(penceToPounds(123456)).toBe("1234.56");
  });
  it("reads quantities in thousandths and percentages in basis points", () => {
    expect(quantityToMilli("1.5")).toBe(1500);
    expect(quantityToMilli("0")).toBeNull();
    expect(percentToBps("12.5")).toBe(1250);
    expect(percentToBps("101")).toBeNull();
    expect(localToday(new Date(2026, 10, 3))).toBe("2026-11-03");
  });
});

describe("invoice editor lines with a per-line discount", () => {
  const form = (over: Partial<LineForm> = {}): LineForm => ({ key: 1, kind: "LABOUR", description: "Rewire", quantity: "2", unit: "150.00", discount: "", vat: "2000", ...over });

  it("maps the discount percentage to basis points (empty = 0) and back", () => {
    expect(linesFromForm([form({ discount: "12.5" }), form({ discount: "" }), form({ discount: "100" })]).lines.map((l) => l.discountBps)).toEqual([1250, 0, 10000]);
    expect(bpsToPercent(1250)).toBe("12.5");
    expect(bpsToPercent(2500)).toBe("25");
    expect(bpsToPercent(5)).toBe("0.05");
    const stored = { kind: "MATERIALS" as const, description: "Cable", quantityMilli: 1500, unitPricePence: 4599, discountBps: 1000, vatRateBps: 500, vatRuleKey: null };
    const round = linesFromForm([lineFormFrom(stored, 7)]);
    expect(round.errors).toEqual({});
    expect(round.lines[0]).toEqual(stored);
    expect(lineFormFrom({ ...stored, discountBps: 0 }, 8).discount).toBe("");
  });

  it("refuses a discount that isn't 0–100% with at most 2 decimals, keyed like the server's fields", () => {
    const { errors } = linesFromForm([form({ discount: "101" }), form({ discount: "-5" }), form({ discount: "abc" }), form({ discount: "10.125" })]);
    expect(errors).toEqual({ "lines.0.discountBps": "0 to 100%", "lines.1.discountBps": "0 to 100%", "lines.2.discountBps": "0 to 100%", "lines.3.discountBps": "0 to 100%" });
  });

  it("maps VAT choices, including the energy-saving rule, and reports each bad field", () => {
    const { lines, errors } = linesFromForm([form({ vat: "exempt" }), form({ vat: "ENERGY_SAVING_MATERIALS" }), form({ description: " ", quantity: "0", unit: "1.005" })]);
    expect(lines.slice(0, 2).map((l) => [l.vatRateBps, l.vatRuleKey])).toEqual([
      [null, null],
      [0, "ENERGY_SAVING_MATERIALS"],
    ]);
    expect(errors).toEqual({ "lines.2.description": "Describe the line", "lines.2.quantityMilli": "A number more than 0", "lines.2.unitPricePence": "Pounds, e.g. 45.00" });
  });

  it("previews the totals live with discounts before VAT, skipping lines that don't read yet", () => {
    // 2 × £150.00 = £300.00 less 12.5% (£37.50) = £262.50; + materials £99.99 at 5% less 0%: VAT 52.50 + 5.00 (4.9995 → 5.00).
    const t = previewTotals([form({ discount: "12.5" }), form({ kind: "MATERIALS", quantity: "1", unit: "99.99", vat: "500" }), form({ unit: "oops" })]);
    expect(t).toEqual({ discountPence: 3750, netPence: 36249, vatPence: 5750, grossPence: 41999 });
    expect(previewTotals([form({ discount: "101" })])).toEqual({ discountPence: 0, netPence: 0, vatPence: 0, grossPence: 0 });
  });
});

describe("invoice status rules", () => {
  it("follows the money: issued, part-paid, paid (credits count), and back on refund", () => {
    expect(settledStatus({ payablePence: 1000, paidPence: 0, creditedPence: 0 })).toBe("ISSUED");
    expect(settledStatus({ payablePence: 1000, paidPence: 1, creditedPence: 0 })).toBe("PART_PAID");
    expect(settledStatus({ payablePence: 1000, paidPence: 600, creditedPence: 400 })).toBe("PAID");
    expect(settledStatus({ payablePence: 1000, paidPence: 0, creditedPence: 300 })).toBe("ISSUED");
  });
  it("voids only without payments or credits", () => {
    expect(voidRefusal({ status: "ISSUED", paidPence: 0, creditedPence: 0 })).toBeNull();
    expect(voidRefusal({ status: "DRAFT", paidPence: 0, creditedPence: 0 })).toBeNull();
    expect(voidRefusal({ status: "PART_PAID", paidPence: 10, creditedPence: 0 })).toMatch(/payments/);
    expect(voidRefusal({ status: "ISSUED", paidPence: 0, creditedPence: 10 })).toMatch(/credit notes/);
    expect(voidRefusal({ status: "VOID", paidPence: 0, creditedPence: 0 })).toMatch(/already void/);
  });
  it("dates: due = issue + terms; overdue only when open, owed and past due", () => {
    expect(dueDateFor("2026-12-15", 30)).toBe("2027-01-14");
    expect(dueDateFor("2028-02-28", 1)).toBe("2028-02-29");
    const open = { status: "ISSUED" as const, dueDate: "2026-11-01", payablePence: 100, paidPence: 0, creditedPence: 0 };
    expect(isOverdue(open, "2026-11-02")).toBe(true);
    expect(isOverdue(open, "2026-11-01")).toBe(false);
    expect(isOverdue({ ...open, status: "PAID" }, "2026-12-01")).toBe(false);
    expect(isOverdue({ ...open, paidPence: 100 }, "2026-12-01")).toBe(false);
    expect(invoiceBadge({ status: "PART_PAID", overdue: true })).toEqual({ status: "overdue", label: "Overdue (part-paid)" });
  });
});

describe("deposits across VAT rates", () => {
  it("finds the net that adds up to the gross exactly where rounding allows", () => {
    expect(netForGross(12000, 2000)).toBe(10000);
    expect(netForGross(1001, 2000)).toBe(834); // 834 + 166.8→167 = 1001
    expect(netForGross(500, 0)).toBe(500);
    expect(netForGross(500, null)).toBe(500);
  });
  it("splits the deposit in proportion to each rate's gross; parts add up to the deposit", () => {
    const parts = splitDeposit(155000, [
      { rateBps: 2000, netPence: 100000, grossPence: 120000 },
      { rateBps: 0, netPence: 500000, grossPence: 500000 },
    ]);
    expect(parts).toEqual([
      { rateBps: 2000, grossPence: 30000, netPence: 25000 },
      { rateBps: 0, grossPence: 125000, netPence: 125000 },
    ]);
    const odd = splitDeposit(10001, [
      { rateBps: 2000, netPence: 3333, grossPence: 4000 },
      { rateBps: 500, netPence: 3333, grossPence: 3500 },
      { rateBps: null, netPence: 3333, grossPence: 3333 },
    ]);
    expect(odd.reduce((s, p) => s + p.grossPence, 0)).toBe(10001);
  });
});
