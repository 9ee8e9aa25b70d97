import { z } from "zod";
import { defineOperation, policy } from "@/server/http/operation.ts";
import { emailOnlyInput, resetPasswordInput, tokenInput } from "./email-signin.schema.ts";

export const emailSignInApi = {
  requestMagicLink: defineOperation({
    method: "POST",
    path: "/api/auth/magic-link",
    summary: "Email a one-time sign-in link (15 minutes). Always 202, whether or not the account exists.",
    tag: "Auth",
    policy: policy.public(),
    body: emailOnlyInput,
    response: z.object({ sent: z.literal(true) }),
    successStatus: 202,
  }),
  useMagicLink: defineOperation({
    method: "POST",
    path: "/api/auth/magic-link/verify",
    summary: "Use a sign-in link: sets the session cookie (or starts the MFA step)",
    tag: "Auth",
    policy: policy.public(),
    body: tokenInput,
    response: z.union([z.object({ redirectTo: z.string() }), z.object({ mfaRequired: z.literal(true) })]),
  }),
  requestReset: defineOperation({
    method: "POST",
    path: "/api/auth/password-reset",
    summary: "Email a password reset link (30 minutes). Always 202, whether or not the account exists.",
    tag: "Auth",
    policy: policy.public(),
    body: emailOnlyInput,
    response: z.object({ sent: z.literal(true) }),
    successStatus: 202,
  }),
  completeReset: defineOperation({
    method: "POST",
    path: "/api/auth/password-reset/complete",
    summary: "Set a new password from a reset link; ends every session of the account",
    tag: "Auth",
    policy: policy.public(),
    body: resetPasswordInput,
    response: z.object({ redirectTo: z.string() }),
  }),
};
