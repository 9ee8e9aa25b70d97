import { defineOperation, policy } from "@/server/http/operation.ts";
import { loginInput, loginOutput } from "./identity.schema.ts";

export const identityApi = {
  login: defineOperation({
    method: "POST",
    path: "/api/auth/login",
    summary: "Sign in with email and password; sets the session cookie, or answers {mfaRequired: true} with a short-lived MFA challenge cookie",
    tag: "Auth",
    policy: policy.public(),
    body: loginInput,
    response: loginOutput,
  }),
  logout: defineOperation({
    method: "POST",
    path: "/api/auth/logout",
    summary: "End this session (server-side) and clear the cookie",
    tag: "Auth",
    policy: policy.ownAccount(),
  }),
};
