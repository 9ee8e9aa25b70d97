import { describe, expect, it } from "vitest";
import { agingBucket, apportionPayment, collectionRateBps, periodKey, periodLabel, periodsBetween, quarterBounds, vatRateKey } from "@/modules/reports/reports-math.ts";

describe("aging buckets", () => {
  it.each([
    [null, "current"],
    ["2026-06-30", "current"],
    ["2026-07-01", "current"],
    ["2026-05-31", "1-30"],
    ["2026-05-01", "31-60"],
    ["2026-04-01", "61-90"],
    ["2026-03-31", "90+"],
    ["2026-03-30", "90+"],
  ])("due %s, as of 2026-06-30 → %s", (due, bucket) => {
    expect(agingBucket(due, "2026-06-30")).toBe(bucket);
  });
});

describe("periods", () => {
  it("keys and labels months, calendar quarters and years", () => {
    expect(periodKey("2026-11-22", "month")).toBe("2026-11");
    expect(periodKey("2026-11-22", "quarter")).toBe("2026-Q4");
    expect(periodKey("2026-03-31", "quarter")).toBe("2026-Q1");
    expect(periodKey("2026-04-01", "quarter")).toBe("2026-Q2");
    expect(periodKey("2026-11-22", "year")).toBe("2026");
    expect(periodLabel("2026-Q2")).toBe("Apr–Jun 2026");
    expect(periodLabel("2026-02")).toBe("Feb 2026");
  });

  it("lists every period in a range, empty ones included, across years", () => {
    expect(periodsBetween("2025-11-15", "2026-02-01", "month")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(periodsBetween("2025-12-01", "2026-07-01", "quarter")).toEqual(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]);
    expect(periodsBetween("2024-06-01", "2026-01-01", "year")).toEqual(["2024", "2025", "2026"]);
  });

  it("bounds a calendar quarter", () => {
    expect(quarterBounds("2026-02-14")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(quarterBounds("2026-12-01")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
  });
});

describe("cash-basis VAT and collection rate", () => {
  it("apportions a part payment across rates by the share it settles", () => {
    expect(apportionPayment(5000, 12_000, [{ rateKey: "2000", netPence: 10_000, vatPence: 2000 }])).toEqual([{ rateKey: "2000", netPence: 4167, vatPence: 833 }]);
    expect(apportionPayment(-2000, 12_000, [{ rateKey: "2000", netPence: 10_000, vatPence: 2000 }])).toEqual([{ rateKey: "2000", netPence: -1667, vatPence: -333 }]);
    expect(apportionPayment(33_000, 33_000, [
      { rateKey: "2000", netPence: 10_000, vatPence: 2000 },
      { rateKey: "500", netPence: 20_000, vatPence: 1000 },
    ])).toEqual([
      { rateKey: "2000", netPence: 10_000, vatPence: 2000 },
      { rateKey: "500", netPence: 20_000, vatPence: 1000 },
    ]);
  });

  it("keys reverse-charge and exempt lines apart from rated ones", () => {
    expect(vatRateKey(2000, true)).toBe("reverse-charge");
    expect(vatRateKey(null, false)).toBe("exempt");
    expect(vatRateKey(500, false)).toBe("500");
  });

  it("collection rate in basis points, none when nothing was invoiced", () => {
    expect(collectionRateBps(55_000, 89_000)).toBe(6180);
    expect(collectionRateBps(5000, 0)).toBeNull();
  });
});
