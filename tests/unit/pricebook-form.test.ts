import { describe, expect, it } from "vitest";
import { bpsToPercent, formToInput, itemToForm, penceToPounds, percentToBps, poundsToPence } from "@/modules/pricebook/pricebook.form.ts";
import { createPriceBookItemInput } from "@/modules/pricebook/pricebook.schema.ts";

describe("price book form conversions", () => {
  it("reads pounds as exact pence, with £ and thousands separators", () => {
    expect(poundsToPence("12")).toBe(1200);
    expect(poundsToPence("12.5")).toBe(1250);
    expect(poundsToPence("£1,234.56")).toBe(123_456);
    expect(poundsToPence("0.07")).toBe(7);
    for (const bad of ["", "abc", "1.234", "-5", "1e3"]) expect(poundsToPence(bad)).toBeNaN();
  });

  it("reads percent as basis points", () => {
    expect(percentToBps("25")).toBe(2500);
    expect(percentToBps("12.5%")).toBe(1250);
    expect(percentToBps("0")).toBe(0);
    expect(percentToBps("x")).toBeNaN();
  });

  it("round-trips an item through the form and the create schema", () => {
    const item = { id: "0190a0a0-0000-7000-8000-000000000001", kind: "LABOUR" as const, description: "Electrician, per hour", unit: "hour", unitPricePence: 4550, markupBps: 1250, vatRateBps: null, archivedAt: null, createdAt: "", updatedAt: "" };
    const form = itemToForm(item);
    expect(form).toEqual({ kind: "LABOUR", description: "Electrician, per hour", unit: "hour", unitPrice: "45.50", markup: "12.5", vat: "exempt" });
    expect(createPriceBookItemInput.parse(formToInput(form))).toEqual({ kind: "LABOUR", description: "Electrician, per hour", unit: "hour", unitPricePence: 4550, markupBps: 1250, vatRateBps: null });
    expect(penceToPounds(5)).toBe("0.05");
    expect(bpsToPercent(2000)).toBe("20");
  });

  it("a price that isn't money gets the form's message, not a type error", () => {
    const r = createPriceBookItemInput.safeParse(formToInput({ kind: "FIXED", description: "EICR", unit: "", unitPrice: "twelve", markup: "", vat: "2000" }));
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([["unitPricePence", "Enter a price in pounds, like 12.50"]]);
  });
});
