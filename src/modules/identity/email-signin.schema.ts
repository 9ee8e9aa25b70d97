import { z } from "zod";
import { newPasswordSchema } from "./password-policy.ts";

const email = z.string().trim().toLowerCase().email("Enter a valid email address").max(254);
const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid");

export const emailOnlyInput = z.object({ email });
export type EmailOnlyInput = z.infer<typeof emailOnlyInput>;

export const tokenInput = z.object({ token });
export type TokenInput = z.infer<typeof tokenInput>;

export const resetPasswordInput = z
  .object({ token, password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords don't match" });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
