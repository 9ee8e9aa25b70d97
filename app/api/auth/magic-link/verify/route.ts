import { NextResponse } from "next/server";
import { emailSignInApi } from "@/modules/identity/email-signin.api.ts";
import { signInWithMagicLink } from "@/modules/identity/email-signin.service.ts";
import { setMfaChallengeCookie, setSessionCookie } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(emailSignInApi.useMagicLink, async ({ ctx, body }) => {
  const result = await signInWithMagicLink(ctx, body);
  if (result.kind === "mfa") {
    const res = NextResponse.json({ mfaRequired: true });
    setMfaChallengeCookie(res, result.challengeToken, result.maxAgeSeconds);
    return res;
  }
  const res = NextResponse.json({ redirectTo: result.redirectTo });
  setSessionCookie(res, result.token, result.maxAgeSeconds);
  return res;
});
