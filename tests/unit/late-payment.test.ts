import { describe, expect, it } from "vitest";
import { compensationTierPence, daysBetween, dueReminderStage, latePaymentCharge, localDate, simpleDailyInterestPence } from "@/modules/reminders/late-payment.ts";

const settings = {
  lateInterestEnabled: true,
  lateInterestBaseRateBps: 400,
  lateInterestMarginBps: 800,
  lateFeeSmallPence: 4000,
  lateFeeMediumPence: 7000,
  lateFeeLargePence: 10000,
};

describe("statutory late-payment interest", () => {
  it("is simple and daily at base + 8%", () => {
    // £10,000 at 12% for 30 days = 10000 × 0.12 × 30/365 = £98.630… → £98.63
    expect(simpleDailyInterestPence(1_000_000, 1200, 30)).toBe(9863);
    // £1,000 at 12% for 365 days = £120 exactly
    expect(simpleDailyInterestPence(100_000, 1200, 365)).toBe(12000);
    // £500 at 12.5% for 7 days = 500 × .125 × 7/365 = £1.1986… → £1.20
    expect(simpleDailyInterestPence(50_000, 1250, 7)).toBe(120);
  });

  it("rounds half a penny up and never goes negative", () => {
    // 73 pence × 10000 bps × 1 day / 365 = 0.2 p → 0; 1825 × 1 day at 100% = 5 p exactly
    expect(simpleDailyInterestPence(73, 10000, 1)).toBe(0);
    expect(simpleDailyInterestPence(1825, 10000, 1)).toBe(5);
    // 0.5 p exactly: 1825 × 10000 bps × 1 day /365 /10 … use 365 p at 50% for 1 day = 0.5 p → 1
    expect(simpleDailyInterestPence(365, 5000, 1)).toBe(1);
    expect(simpleDailyInterestPence(-100, 1200, 10)).toBe(0);
    expect(simpleDailyInterestPence(100_000, 1200, 0)).toBe(0);
  });
});

describe("fixed compensation", () => {
  it.each([
    [99_999, 4000],
    [100_000, 7000],
    [999_999, 7000],
    [1_000_000, 10000],
    [0, 0],
  ])("a debt of %i pence gets %i", (debt, fee) => {
    expect(compensationTierPence(debt, settings)).toBe(fee);
  });
});

describe("late payment charge on a reminder", () => {
  it("applies to business clients when the company turns it on", () => {
    expect(latePaymentCharge({ debtPence: 120_000, dueDate: "2026-10-01", today: "2026-10-15", businessClient: true }, settings)).toEqual({
      interestPence: simpleDailyInterestPence(120_000, 1200, 14),
      compensationPence: 7000,
      annualRateBps: 1200,
      daysLate: 14,
    });
    expect(simpleDailyInterestPence(120_000, 1200, 14)).toBe(552);
  });

  it("never for householders, when switched off, or before the due date", () => {
    const base = { debtPence: 120_000, dueDate: "2026-10-01", today: "2026-10-15" };
    expect(latePaymentCharge({ ...base, businessClient: false }, settings)).toMatchObject({ interestPence: 0, compensationPence: 0 });
    expect(latePaymentCharge({ ...base, businessClient: true }, { ...settings, lateInterestEnabled: false })).toMatchObject({ interestPence: 0, compensationPence: 0 });
    expect(latePaymentCharge({ ...base, today: "2026-09-30", businessClient: true }, settings)).toMatchObject({ interestPence: 0, compensationPence: 0, daysLate: 0 });
  });

  it("uses the configured figures", () => {
    const custom = { ...settings, lateInterestBaseRateBps: 525, lateInterestMarginBps: 800, lateFeeMediumPence: 7500 };
    const c = latePaymentCharge({ debtPence: 500_000, dueDate: "2026-01-01", today: "2026-01-31", businessClient: true }, custom);
    expect(c.annualRateBps).toBe(1325);
    expect(c.interestPence).toBe(simpleDailyInterestPence(500_000, 1325, 30));
    expect(c.compensationPence).toBe(7500);
  });
});

describe("reminder stages", () => {
  const cadence = [7, 14, 21];
  it("is due on the cadence days after the due date, each stage once", () => {
    expect(dueReminderStage({ dueDate: "2026-11-01", today: "2026-11-07", cadenceDays: cadence, sentStages: [] })).toBeNull();
    expect(dueReminderStage({ dueDate: "2026-11-01", today: "2026-11-08", cadenceDays: cadence, sentStages: [] })).toBe(1);
    expect(dueReminderStage({ dueDate: "2026-11-01", today: "2026-11-09", cadenceDays: cadence, sentStages: [1] })).toBeNull();
    expect(dueReminderStage({ dueDate: "2026-11-01", today: "2026-11-15", cadenceDays: cadence, sentStages: [1] })).toBe(2);
    expect(dueReminderStage({ dueDate: "2026-11-01", today: "2026-12-30", cadenceDays: cadence, sentStages: [1, 2, 3] })).toBeNull();
  });

  it("skips a missed stage rather than sending two at once", () => {
    expect(dueReminderStage({ dueDate: "2026-11-01", today: "2026-11-25", cadenceDays: cadence, sentStages: [] })).toBe(3);
    expect(dueReminderStage({ dueDate: "2026-11-01", today: "2026-11-25", cadenceDays: cadence, sentStages: [3] })).toBeNull();
  });

  it("follows a company's own cadence", () => {
    expect(dueReminderStage({ dueDate: "2026-11-01", today: "2026-11-04", cadenceDays: [3, 10], sentStages: [] })).toBe(1);
  });

  it("counts calendar days in the company's time zone", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(localDate(new Date("2026-06-30T23:30:00Z"), "Europe/London")).toBe("2026-07-01");
    expect(localDate(new Date("2026-12-31T23:30:00Z"), "Europe/London")).toBe("2026-12-31");
  });
});
