import { z } from "zod";
import { defineOperation, policy } from "@/server/http/operation.ts";
import { loginInput } from "./identity.schema.ts";

export const identityApi = {
  login: defineOperation({
    method: "POST",
    path: "/api/auth/login",
    summary: "Sign in with email and password; sets the session cookie",
    tag: "Auth",
    policy: policy.public(),
    body: loginInput,
    response: z.object({ redirectTo: z.string() }),
  }),
  logout: defineOperation({
    method: "POST",
    path: "/api/auth/logout",
    summary: "End this session (server-side) and clear the cookie",
    tag: "Auth",
    policy: policy.authenticated(),
  }),
};
