import { NextResponse } from "next/server";
import { identityApi } from "@/modules/identity/identity.api.ts";
import { signInWithPassword } from "@/modules/identity/auth.service.ts";
import { setMfaChallengeCookie, setSessionCookie } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(identityApi.login, async ({ ctx, body }) => {
  const result = await signInWithPassword(ctx, body);
  if (result.kind === "mfa") {
    const res = NextResponse.json({ mfaRequired: true });
    setMfaChallengeCookie(res, result.challengeToken, result.maxAgeSeconds);
    return res;
  }
  const res = NextResponse.json({ redirectTo: result.redirectTo });
  setSessionCookie(res, result.token, result.maxAgeSeconds);
  return res;
});
