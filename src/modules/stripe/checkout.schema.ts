import { z } from "zod";

export const invoiceTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export const startCheckoutInput = z
  .object({
    /** A part payment (when the company allows it); the whole balance when left out. */
    amountPence: z.coerce.number({ message: "Enter an amount" }).int("Whole pence only").min(1, "Enter an amount").optional(),
  })
  .strict()
  .default({});
export type StartCheckoutInput = z.output<typeof startCheckoutInput>;

export const startCheckoutOutput = z.object({ url: z.url(), amountPence: z.number().int() });
