import { z } from "zod";
import { choiceSchema } from "@/modules/pricing/pricing.ts";

export const quoteTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** A PNG data URL from the signature pad, at most ~300 KB. */
const signature = z
  .string()
  .max(400_000, "The signature image is too large")
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, "Sign in the box");

export const acceptQuoteInput = z.object({
  version: z.number().int().min(1),
  choice: choiceSchema,
  signerName: z.string().trim().min(2, "Type your full name").max(120),
  signature,
  acceptTerms: z.literal(true, { message: "Tick to confirm you accept the quote and its terms" }),
});
export type AcceptQuoteInput = z.infer<typeof acceptQuoteInput>;

export const respondQuoteInput = z.object({
  version: z.number().int().min(1),
  action: z.enum(["decline", "changes"]),
  comment: z.string().trim().min(3, "Tell us a little more").max(2000),
});
export type RespondQuoteInput = z.infer<typeof respondQuoteInput>;
