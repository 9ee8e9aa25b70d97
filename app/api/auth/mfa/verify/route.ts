import { NextResponse } from "next/server";
import { accountApi } from "@/modules/identity/account.api.ts";
import { verifyMfaSignIn } from "@/modules/identity/auth.service.ts";
import { MFA_CHALLENGE_COOKIE_NAMES, setMfaChallengeCookie, setSessionCookie } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(accountApi.mfaVerify, async ({ ctx, body, req }) => {
  const challenge = MFA_CHALLENGE_COOKIE_NAMES.map((n) => req.cookies.get(n)?.value).find(Boolean);
  const result = await verifyMfaSignIn(ctx, challenge, body);
  const res = NextResponse.json({ redirectTo: result.redirectTo });
  setSessionCookie(res, result.token, result.maxAgeSeconds);
  setMfaChallengeCookie(res, "", 0);
  return res;
});
