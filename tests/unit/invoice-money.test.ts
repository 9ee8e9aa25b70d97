import { describe, expect, it } from "vitest";
import {
  balanceDuePence,
  cisRateFor,
  invoiceTotals,
  overpaymentMessage,
  reverseChargeApplies,
  reverseChargeEligibleLines,
  type InvoiceMoneyLine,
} from "@/modules/invoices/invoice-money.ts";
import { lineVatRate, vatTreatmentLabel } from "@/modules/invoices/invoice-vat.ts";

let seq = 0;
function line(over: Partial<InvoiceMoneyLine> = {}): InvoiceMoneyLine {
  seq += 1;
  return { id: `l${seq}`, kind: "LABOUR", quantityMilli: 1000, unitPricePence: 10000, discountBps: 0, vatRateBps: 2000, ...over };
}
const PLAIN = { reverseCharge: false, cisRateBps: null };

describe("invoiceTotals", () => {
  it("adds VAT per rate and gives gross = net + VAT = payable for an ordinary invoice", () => {
    const t = invoiceTotals([line({ unitPricePence: 12345 }), line({ kind: "MATERIALS", unitPricePence: 5000, vatRateBps: 500 })], PLAIN);
    expect(t.netPence).toBe(17345);
    expect(t.vatByRate).toEqual([
      { rateBps: 2000, netPence: 12345, vatPence: 2469 },
      { rateBps: 500, netPence: 5000, vatPence: 250 },
    ]);
    expect(t.vatPence).toBe(2719);
    expect(t.grossPence).toBe(20064);
    expect(t.payablePence).toBe(20064);
    expect(t.cisDeductionPence).toBe(0);
  });

  it("rounds VAT half-up on the per-rate sum, not per line", () => {
    // 3 lines of 1.5 × £0.05 = 8p each (7.5 rounds up); net 24p, VAT 20% = 4.8 → 5p
    const lines = [1, 2, 3].map(() => line({ quantityMilli: 1500, unitPricePence: 5 }));
    const t = invoiceTotals(lines, PLAIN);
    expect(t.lines.map((l) => l.netPence)).toEqual([8, 8, 8]);
    expect(t.netPence).toBe(24);
    expect(t.vatPence).toBe(5);
    // 20% of 1253 = 250.6 → 251; of 1252 = 250.4 → 250; 5% of 1010 = 50.5 → 51 (half rounds up)
    expect(invoiceTotals([line({ unitPricePence: 1253 })], PLAIN).vatPence).toBe(251);
    expect(invoiceTotals([line({ unitPricePence: 1252 })], PLAIN).vatPence).toBe(250);
    expect(invoiceTotals([line({ unitPricePence: 1010, vatRateBps: 500 })], PLAIN).vatPence).toBe(51);
  });

  it("shows zero-rated lines with a 0 entry and keeps exempt lines out of VAT", () => {
    const t = invoiceTotals([line({ vatRateBps: 0, unitPricePence: 40000 }), line({ vatRateBps: null, unitPricePence: 1000 }), line()], PLAIN);
    expect(t.vatByRate).toEqual([
      { rateBps: 2000, netPence: 10000, vatPence: 2000 },
      { rateBps: 0, netPence: 40000, vatPence: 0 },
    ]);
    expect(t.exemptNetPence).toBe(1000);
    expect(t.grossPence).toBe(53000);
  });

  it("applies line discounts before VAT", () => {
    const t = invoiceTotals([line({ unitPricePence: 10000, discountBps: 1000 })], PLAIN);
    expect(t.netPence).toBe(9000);
    expect(t.vatPence).toBe(1800);
  });

  it("reverse charge: VAT is computed and shown but the client pays the net", () => {
    const t = invoiceTotals([line({ unitPricePence: 100000 }), line({ kind: "MATERIALS", unitPricePence: 50000, vatRateBps: 500 })], { reverseCharge: true, cisRateBps: null });
    expect(t.vatPence).toBe(22500);
    expect(t.grossPence).toBe(172500);
    expect(t.payablePence).toBe(150000);
  });

  it.each([
    [0, 0],
    [2000, 20000],
    [3000, 30000],
  ])("CIS at %i bps deducts only from labour net, never VAT or materials", (rate, deduction) => {
    const lines = [line({ unitPricePence: 100000 }), line({ kind: "MATERIALS", unitPricePence: 40000 }), line({ kind: "FIXED", unitPricePence: 10000 })];
    const t = invoiceTotals(lines, { reverseCharge: false, cisRateBps: rate });
    expect(t.labourNetPence).toBe(100000);
    expect(t.cisDeductionPence).toBe(deduction);
    expect(t.grossPence).toBe(180000);
    expect(t.payablePence).toBe(180000 - deduction);
  });

  it("CIS with reverse charge: the client pays net less the labour deduction", () => {
    const t = invoiceTotals([line({ unitPricePence: 100000 }), line({ kind: "MATERIALS", unitPricePence: 40000 })], { reverseCharge: true, cisRateBps: 2000 });
    expect(t.vatPence).toBe(28000);
    expect(t.payablePence).toBe(140000 - 20000);
  });

  it("CIS deduction rounds half-up to the penny", () => {
    // labour 1.5 × £0.25 = 38p (37.5 up); 30% of 38 = 11.4 → 11; 20% of 38 = 7.6 → 8
    expect(invoiceTotals([line({ quantityMilli: 1500, unitPricePence: 25 })], { reverseCharge: false, cisRateBps: 3000 }).cisDeductionPence).toBe(11);
    expect(invoiceTotals([line({ quantityMilli: 1500, unitPricePence: 25 })], { reverseCharge: false, cisRateBps: 2000 }).cisDeductionPence).toBe(8);
    // 20% of 1253 = 250.6 → 251; of 1252 = 250.4 → 250
    expect(invoiceTotals([line({ unitPricePence: 1253 })], { reverseCharge: false, cisRateBps: 2000 }).cisDeductionPence).toBe(251);
  });

  it("refuses a CIS rate other than 0, 20 or 30%", () => {
    expect(() => invoiceTotals([line()], { reverseCharge: false, cisRateBps: 1500 })).toThrow(/0%, 20% or 30%/);
  });

  it("an empty invoice is all zeros", () => {
    expect(invoiceTotals([], PLAIN)).toMatchObject({ netPence: 0, vatPence: 0, grossPence: 0, payablePence: 0, vatByRate: [] });
  });
});

describe("deduction lines (less deposit on a FINAL invoice)", () => {
  const deduction = (net: number, vat: 2000 | 500 | 0 | null = 2000) => line({ kind: "FIXED", unitPricePence: -net, vatRateBps: vat });

  it("takes off the deposit's own VAT, so deposit + FINAL = the quote to the penny where re-rounding would not", () => {
    // Quote: 100001 net at 20% → VAT 20000 (20000.2). Deposit of 3 net → VAT 1 (0.6 rounds up).
    // Re-rounding the rest (99998 → 19999.6 → 20000) would make the two invoices 1p more than the quote.
    const quote = invoiceTotals([line({ kind: "MATERIALS", unitPricePence: 100001 })], PLAIN);
    const deposit = invoiceTotals([line({ kind: "FIXED", unitPricePence: 3 })], PLAIN);
    const final = invoiceTotals([line({ kind: "MATERIALS", unitPricePence: 100001 }), deduction(3)], PLAIN);
    expect([quote.vatPence, deposit.vatPence, final.vatPence]).toEqual([20000, 1, 19999]);
    expect(final).toMatchObject({ netPence: 99998, grossPence: 119997, payablePence: 119997, vatByRate: [{ rateBps: 2000, netPence: 99998, vatPence: 19999 }] });
    expect(deposit.grossPence + final.grossPence).toBe(quote.grossPence);
  });

  it("keeps CIS on all the labour (deductions are never labour), per rate and exempt", () => {
    const t = invoiceTotals([line({ unitPricePence: 100000 }), line({ kind: "MATERIALS", unitPricePence: 50000, vatRateBps: null }), deduction(37500), deduction(10000, null)], { reverseCharge: false, cisRateBps: 2000 });
    expect(t).toMatchObject({ netPence: 102500, vatPence: 12500, exemptNetPence: 40000, labourNetPence: 100000, cisDeductionPence: 20000, payablePence: 95000 });
    expect(t.lines.map((l) => l.netPence)).toEqual([100000, 50000, -37500, -10000]);
  });

  it("under the reverse charge the deduction comes off the net the client pays", () => {
    const t = invoiceTotals([line({ unitPricePence: 100000 }), deduction(25000)], { reverseCharge: true, cisRateBps: 2000 });
    expect(t).toMatchObject({ netPence: 75000, vatPence: 15000, payablePence: 55000 });
  });

  it("refuses a deduction that isn't one fixed amount without discount", () => {
    expect(() => invoiceTotals([line({ unitPricePence: -100 })], PLAIN)).toThrow(/deduction/);
    expect(() => invoiceTotals([line({ kind: "FIXED", unitPricePence: -100, quantityMilli: 2000 })], PLAIN)).toThrow(/deduction/);
  });
});

describe("balanceDuePence", () => {
  it("is payable − paid − credited", () => {
    expect(balanceDuePence({ payablePence: 12000, paidPence: 5000, creditedPence: 2000 })).toBe(5000);
    expect(balanceDuePence({ payablePence: 12000, paidPence: 12000, creditedPence: 0 })).toBe(0);
  });
  it("formats the overpayment message", () => {
    expect(overpaymentMessage(1200, 1000)).toBe("£12.00 is more than the £10.00 outstanding");
  });
});

describe("reverse charge and CIS eligibility", () => {
  const company = { vatNumber: "GB123456789" };
  const business = { kind: "ORGANISATION" as const, vatRegistered: true, cisContractor: true, reverseChargeEndUser: false };
  it("applies between VAT-registered businesses when the client is a CIS contractor and not an end user", () => {
    expect(reverseChargeApplies(company, business)).toBe(true);
  });
  it("never applies to householders, end users, non-VAT clients, non-CIS clients or a non-VAT-registered company", () => {
    expect(reverseChargeApplies(company, { ...business, kind: "PERSON" })).toBe(false);
    expect(reverseChargeApplies(company, { ...business, reverseChargeEndUser: true })).toBe(false);
    expect(reverseChargeApplies(company, { ...business, vatRegistered: false })).toBe(false);
    expect(reverseChargeApplies(company, { ...business, cisContractor: false })).toBe(false);
    expect(reverseChargeApplies({ vatNumber: null }, business)).toBe(false);
  });
  it("needs at least one standard- or reduced-rated line", () => {
    expect(reverseChargeEligibleLines([{ vatRateBps: 0 }, { vatRateBps: null }])).toBe(false);
    expect(reverseChargeEligibleLines([{ vatRateBps: 0 }, { vatRateBps: 500 }])).toBe(true);
  });
  it("takes the client's CIS rate, defaulting a contractor to 20%, none for householders", () => {
    expect(cisRateFor({ kind: "ORGANISATION", cisContractor: true, cisRateBps: 3000 })).toBe(3000);
    expect(cisRateFor({ kind: "ORGANISATION", cisContractor: true, cisRateBps: 0 })).toBe(0);
    expect(cisRateFor({ kind: "ORGANISATION", cisContractor: true, cisRateBps: null })).toBe(2000);
    expect(cisRateFor({ kind: "ORGANISATION", cisContractor: false, cisRateBps: 2000 })).toBeNull();
    expect(cisRateFor({ kind: "PERSON", cisContractor: true, cisRateBps: 2000 })).toBeNull();
  });
});

describe("VAT windows on invoice lines", () => {
  it("energy-saving materials are 0% to 31 Mar 2027 and 5% from 1 Apr 2027, by supply date", () => {
    const l = { vatRuleKey: "ENERGY_SAVING_MATERIALS", vatRateBps: 0 };
    expect(lineVatRate(l, "2027-03-31")).toBe(0);
    expect(lineVatRate(l, "2027-04-01")).toBe(500);
    expect(lineVatRate(l, "2022-03-31")).toBe(500);
  });
  it("a line without a rule keeps its rate; unknown rules are refused", () => {
    expect(lineVatRate({ vatRuleKey: null, vatRateBps: 2000 }, "2027-04-01")).toBe(2000);
    expect(() => lineVatRate({ vatRuleKey: "NOPE", vatRateBps: 0 }, "2027-04-01")).toThrow(/Unknown VAT rule/);
  });
  it("labels zero-rated and exempt lines as such", () => {
    expect(vatTreatmentLabel(0)).toBe("0% (zero-rated)");
    expect(vatTreatmentLabel(null)).toBe("Exempt");
    expect(vatTreatmentLabel(2000)).toBe("20%");
    expect(vatTreatmentLabel(500)).toBe("5%");
  });
});
