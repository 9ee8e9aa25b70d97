import { z } from "zod";

/** Email + password sign-in. Shared by the login form (client-side checks) and POST /api/auth/login. */
export const loginInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(1024),
});

export type LoginInput = z.infer<typeof loginInput>;

export const loginOutput = z.union([z.object({ redirectTo: z.string() }), z.object({ mfaRequired: z.literal(true) })]);

/** A 6-digit authenticator code or a recovery code ("k7m2p-x9qat"); spaces are ignored. */
export const mfaCodeInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the code from your authenticator app")
    .max(32, "That code is too long")
    .refine((v) => /^\d{3}\s?\d{3}$/.test(v) || /^[a-zA-Z0-9]{5}-?[a-zA-Z0-9]{5}$/.test(v.replace(/\s+/g, "")), "Enter the 6-digit code, or a recovery code like k7m2p-x9qat"),
});
export type MfaCodeInput = z.infer<typeof mfaCodeInput>;

/** Confirming enrolment takes the authenticator's 6-digit code only. */
export const mfaConfirmInput = z.object({
  code: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, ""))
    .refine((v) => /^\d{6}$/.test(v), "Enter the 6-digit code from your authenticator app"),
});
export type MfaConfirmInput = z.infer<typeof mfaConfirmInput>;

export const mfaDisableInput = z.object({
  password: z.string().min(1, "Enter your password").max(1024),
  code: mfaCodeInput.shape.code,
});
export type MfaDisableInput = z.infer<typeof mfaDisableInput>;

export const mfaEnrolmentOutput = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string(),
});
export type MfaEnrolmentView = z.infer<typeof mfaEnrolmentOutput>;

export const recoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });

export const sessionOutput = z.object({
  id: z.uuid(),
  device: z.string(),
  ip: z.string().nullable(),
  companyName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  current: z.boolean(),
  impersonated: z.boolean(),
});
export type SessionView = z.infer<typeof sessionOutput>;
export const sessionList = z.object({ items: z.array(sessionOutput), nextCursor: z.null() });

export const switchCompanyInput = z.object({ companyId: z.uuid({ message: "Choose a company" }) });
export type SwitchCompanyInput = z.infer<typeof switchCompanyInput>;

export const redirectOutput = z.object({ redirectTo: z.string() });
