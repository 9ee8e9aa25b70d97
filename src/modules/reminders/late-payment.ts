/**
 * Late payment of commercial debts (reference/uk-trade-rules.md "Late payment"): business clients
 * only. Statutory interest is simple and daily at the base rate plus a margin (8%), both
 * configurable per company; the fixed compensation is a tier by the size of the debt
 * (£40 under £1,000, £70 under £10,000, £100 from £10,000; configurable). Pure, integer pence.
 */
export type LatePaymentSettings = {
  lateInterestEnabled: boolean;
  lateInterestBaseRateBps: number;
  lateInterestMarginBps: number;
  lateFeeSmallPence: number;
  lateFeeMediumPence: number;
  lateFeeLargePence: number;
};

export type LatePaymentCharge = { interestPence: number; compensationPence: number; annualRateBps: number; daysLate: number };

const DAY_MS = 86_400_000;

/** Whole days between two calendar dates (YYYY-MM-DD), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Simple interest for `days` days at an annual rate (bps) on a debt, rounded half up to the penny. */
export function simpleDailyInterestPence(debtPence: number, annualRateBps: number, days: number): number {
  if (debtPence <= 0 || annualRateBps <= 0 || days <= 0) return 0;
  // debt × rate/10000 × days/365, in integers until the single rounding.
  return Math.floor((debtPence * annualRateBps * days * 2 + 10000 * 365) / (2 * 10000 * 365));
}

/** The fixed compensation tier for a debt: small below £1,000, medium below £10,000, large otherwise. */
export function compensationTierPence(debtPence: number, s: Pick<LatePaymentSettings, "lateFeeSmallPence" | "lateFeeMediumPence" | "lateFeeLargePence">): number {
  if (debtPence <= 0) return 0;
  if (debtPence < 100_000) return s.lateFeeSmallPence;
  if (debtPence < 1_000_000) return s.lateFeeMediumPence;
  return s.lateFeeLargePence;
}

/**
 * What a reminder may add for a debt overdue since `dueDate` as of `today`. Nothing for a
 * householder (only business-to-business debts carry statutory interest), when the company has it
 * off, or when the debt is not yet late.
 */
export function latePaymentCharge(
  input: { debtPence: number; dueDate: string; today: string; businessClient: boolean },
  s: LatePaymentSettings,
): LatePaymentCharge {
  const daysLate = Math.max(0, daysBetween(input.dueDate, input.today));
  const annualRateBps = s.lateInterestBaseRateBps + s.lateInterestMarginBps;
  if (!s.lateInterestEnabled || !input.businessClient || daysLate === 0 || input.debtPence <= 0) {
    return { interestPence: 0, compensationPence: 0, annualRateBps, daysLate };
  }
  return {
    interestPence: simpleDailyInterestPence(input.debtPence, annualRateBps, daysLate),
    compensationPence: compensationTierPence(input.debtPence, s),
    annualRateBps,
    daysLate,
  };
}

/**
 * The reminder stage due today: the highest stage (1-based index into the cadence, e.g. days
 * 7/14/21 after due) whose day has come, or null. Stages already sent (or a later one) are not due
 * again; a missed earlier stage is skipped rather than sent late alongside a later one.
 */
export function dueReminderStage(input: { dueDate: string; today: string; cadenceDays: readonly number[]; sentStages: readonly number[] }): number | null {
  const late = daysBetween(input.dueDate, input.today);
  const cadence = [...input.cadenceDays].sort((a, b) => a - b);
  let stage: number | null = null;
  cadence.forEach((d, i) => {
    if (late >= d) stage = i + 1;
  });
  if (stage === null) return null;
  const highestSent = Math.max(0, ...input.sentStages);
  return stage > highestSent ? stage : null;
}

/** Today's date (YYYY-MM-DD) in a time zone: reminders go by the company's calendar day. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
