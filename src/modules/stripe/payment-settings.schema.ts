import { z } from "zod";

const formBool = z.union([z.boolean(), z.enum(["true", "false", "on"])]).transform((v) => v === true || v === "true" || v === "on");
const pounds = (label: string) =>
  z.coerce
    .number({ message: `Enter ${label} in pence` })
    .int("Whole pence only")
    .min(0, "Can't be negative")
    .max(10_000_000, "That's too large");
const bps = z.coerce.number({ message: "Enter a percentage" }).int().min(0, "Can't be negative").max(5000, "At most 50%");

/** "7, 14, 21" or [7, 14, 21] → [7, 14, 21]: strictly increasing days after the due date. */
export const cadenceDays = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean).map(Number) : v),
    z
      .array(z.number({ message: "Use whole days, e.g. 7, 14, 21" }).int("Use whole days, e.g. 7, 14, 21").min(1, "Days start at 1").max(365, "At most 365 days"), {
        message: "Use whole days, e.g. 7, 14, 21",
      })
      .min(1, "Give at least one day")
      .max(10, "At most 10 reminders"),
  )
  .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]!), "List the days in increasing order, each once");

export const paymentSettingsInput = z
  .object({
    allowPartPayments: formBool,
    reminderCadenceDays: cadenceDays,
    lateInterestEnabled: formBool,
    lateInterestBaseRateBps: bps,
    lateInterestMarginBps: bps,
    lateFeeSmallPence: pounds("the fee for debts under £1,000"),
    lateFeeMediumPence: pounds("the fee for debts under £10,000"),
    lateFeeLargePence: pounds("the fee for larger debts"),
    vatAccountingBasis: z.enum(["ACCRUAL", "CASH"], { message: "Choose accrual or cash accounting" }),
    /** HMRC VAT stagger (which months end the VAT quarters): 1, 2 or 3; "2" from a form. */
    vatStagger: z.coerce
      .number({ message: "Choose when your VAT quarters end" })
      .int("Choose when your VAT quarters end")
      .min(1, "Choose when your VAT quarters end")
      .max(3, "Choose when your VAT quarters end"),
  })
  .partial()
  .strict();
export type PaymentSettingsInput = z.output<typeof paymentSettingsInput>;

export const paymentSettingsOutput = z.object({
  stripeConfigured: z.boolean(),
  stripeAccountId: z.string().nullable(),
  stripeChargesEnabled: z.boolean(),
  stripeDetailsSubmitted: z.boolean(),
  allowPartPayments: z.boolean(),
  reminderCadenceDays: z.array(z.number().int()),
  lateInterestEnabled: z.boolean(),
  lateInterestBaseRateBps: z.number().int(),
  lateInterestMarginBps: z.number().int(),
  lateFeeSmallPence: z.number().int(),
  lateFeeMediumPence: z.number().int(),
  lateFeeLargePence: z.number().int(),
  vatAccountingBasis: z.enum(["ACCRUAL", "CASH"]),
  vatStagger: z.number().int(),
});
export type PaymentSettingsView = z.infer<typeof paymentSettingsOutput>;
