import { z } from "zod";
import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import {
  mfaCodeInput,
  mfaConfirmInput,
  mfaDisableInput,
  mfaEnrolmentOutput,
  recoveryCodesOutput,
  redirectOutput,
  sessionList,
  switchCompanyInput,
} from "./identity.schema.ts";

/** The signed-in person's own account: MFA, sessions, company switch, impersonation stop. */
export const accountApi = {
  mfaVerify: defineOperation({
    method: "POST",
    path: "/api/auth/mfa/verify",
    summary: "Second sign-in step: a TOTP or recovery code for the MFA challenge cookie; sets the session cookie",
    tag: "Auth",
    policy: policy.public(),
    body: mfaCodeInput,
    response: redirectOutput,
  }),
  mfaEnrol: defineOperation({
    method: "POST",
    path: "/api/auth/mfa/enrol",
    summary: "Start MFA enrolment: a new TOTP secret (QR code and manual key); confirm it with a code",
    tag: "Account",
    policy: policy.ownAccount(),
    response: mfaEnrolmentOutput,
  }),
  mfaConfirm: defineOperation({
    method: "POST",
    path: "/api/auth/mfa/confirm",
    summary: "Confirm MFA enrolment with a code; returns 10 one-time recovery codes (shown once) and rotates the session",
    tag: "Account",
    policy: policy.ownAccount(),
    body: mfaConfirmInput,
    response: recoveryCodesOutput,
  }),
  mfaDisable: defineOperation({
    method: "POST",
    path: "/api/auth/mfa/disable",
    summary: "Turn MFA off with the password and a current code; rotates the session",
    tag: "Account",
    policy: policy.ownAccount(),
    body: mfaDisableInput,
  }),
  sessions: defineOperation({
    method: "GET",
    path: "/api/auth/sessions",
    summary: "The signed-in user's live sessions (device, IP, last seen)",
    tag: "Account",
    policy: policy.ownAccount(),
    response: sessionList,
  }),
  revokeSession: defineOperation({
    method: "POST",
    path: "/api/auth/sessions/{id}/revoke",
    summary: "Sign out one of the user's sessions",
    tag: "Account",
    policy: policy.ownAccount(),
    params: idParams,
  }),
  revokeOtherSessions: defineOperation({
    method: "POST",
    path: "/api/auth/sessions/revoke-others",
    summary: "Sign out everywhere except this session",
    tag: "Account",
    policy: policy.ownAccount(),
    response: z.object({ revoked: z.number().int() }),
  }),
  switchCompany: defineOperation({
    method: "POST",
    path: "/api/auth/switch-company",
    summary: "Work in another company you are an active member of; rotates the session, audited in both companies",
    tag: "Account",
    policy: policy.authenticated(),
    body: switchCompanyInput,
    response: redirectOutput,
  }),
  stopImpersonation: defineOperation({
    method: "POST",
    path: "/api/auth/impersonation/stop",
    summary: "Stop acting as another user and return to the admin's own session",
    tag: "Account",
    policy: policy.authenticated(),
    response: redirectOutput,
  }),
};
