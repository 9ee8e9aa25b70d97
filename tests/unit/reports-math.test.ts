import { describe, expect, it } from "vitest";
import { agingBucket, apportionPayment, collectionRateBps, periodKey, periodLabel, periodsBetween, quarterBounds, vatQuarter, vatQuartersBetween, vatRateKey } from "@/modules/reports/reports-math.ts";

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

describe("VAT quarters by HMRC stagger", () => {
  const q = (date: string, stagger: 1 | 2 | 3) => {
    const v = vatQuarter(date, stagger);
    return [v.from, v.to, v.label, v.key];
  };

  it("stagger 1: calendar quarters ending Mar, Jun, Sep, Dec", () => {
    expect(q("2026-01-01", 1)).toEqual(["2026-01-01", "2026-03-31", "Jan–Mar 2026", "2026-Q1"]);
    expect(q("2026-03-31", 1)).toEqual(["2026-01-01", "2026-03-31", "Jan–Mar 2026", "2026-Q1"]);
    expect(q("2026-04-01", 1)).toEqual(["2026-04-01", "2026-06-30", "Apr–Jun 2026", "2026-Q2"]);
    expect(q("2026-08-15", 1)).toEqual(["2026-07-01", "2026-09-30", "Jul–Sep 2026", "2026-Q3"]);
    expect(q("2026-12-31", 1)).toEqual(["2026-10-01", "2026-12-31", "Oct–Dec 2026", "2026-Q4"]);
  });

  it("stagger 2: quarters ending Apr, Jul, Oct, Jan; Nov–Jan spans the year end", () => {
    expect(q("2026-02-01", 2)).toEqual(["2026-02-01", "2026-04-30", "Feb–Apr 2026", "2026-02/2026-04"]);
    expect(q("2026-04-30", 2)).toEqual(["2026-02-01", "2026-04-30", "Feb–Apr 2026", "2026-02/2026-04"]);
    expect(q("2026-05-01", 2)).toEqual(["2026-05-01", "2026-07-31", "May–Jul 2026", "2026-05/2026-07"]);
    expect(q("2026-10-31", 2)).toEqual(["2026-08-01", "2026-10-31", "Aug–Oct 2026", "2026-08/2026-10"]);
    expect(q("2026-11-01", 2)).toEqual(["2026-11-01", "2027-01-31", "Nov 2026–Jan 2027", "2026-11/2027-01"]);
    expect(q("2026-12-31", 2)).toEqual(["2026-11-01", "2027-01-31", "Nov 2026–Jan 2027", "2026-11/2027-01"]);
    expect(q("2027-01-31", 2)).toEqual(["2026-11-01", "2027-01-31", "Nov 2026–Jan 2027", "2026-11/2027-01"]);
  });

  it("stagger 3: quarters ending May, Aug, Nov, Feb; Dec–Feb spans the year end (leap years included)", () => {
    expect(q("2026-03-01", 3)).toEqual(["2026-03-01", "2026-05-31", "Mar–May 2026", "2026-03/2026-05"]);
    expect(q("2026-11-30", 3)).toEqual(["2026-09-01", "2026-11-30", "Sep–Nov 2026", "2026-09/2026-11"]);
    expect(q("2026-12-01", 3)).toEqual(["2026-12-01", "2027-02-28", "Dec 2026–Feb 2027", "2026-12/2027-02"]);
    expect(q("2027-01-15", 3)).toEqual(["2026-12-01", "2027-02-28", "Dec 2026–Feb 2027", "2026-12/2027-02"]);
    expect(q("2028-02-29", 3)).toEqual(["2027-12-01", "2028-02-29", "Dec 2027–Feb 2028", "2027-12/2028-02"]);
  });

  it("lists whole quarters across a range, the year end included", () => {
    expect(vatQuartersBetween("2025-10-15", "2026-05-02", 2).map((v) => v.label)).toEqual(["Aug–Oct 2025", "Nov 2025–Jan 2026", "Feb–Apr 2026", "May–Jul 2026"]);
    expect(vatQuartersBetween("2025-12-01", "2026-02-28", 3).map((v) => v.label)).toEqual(["Dec 2025–Feb 2026"]);
    expect(vatQuartersBetween("2025-12-01", "2026-07-01", 1).map((v) => v.key)).toEqual(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]);
    // Consecutive quarters leave no gap and no overlap.
    const qs = vatQuartersBetween("2024-01-01", "2026-12-31", 3);
    for (let i = 1; i < qs.length; i++) expect(Date.parse(qs[i]!.from) - Date.parse(qs[i - 1]!.to)).toBe(86_400_000);
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
