import { NextResponse } from "next/server";
import { accountApi } from "@/modules/identity/account.api.ts";
import { confirmMfaEnrolment } from "@/modules/identity/mfa.service.ts";
import { setSessionCookie } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(accountApi.mfaConfirm, async ({ ctx, body }) => {
  const { recoveryCodes, session } = await confirmMfaEnrolment(ctx, body);
  const res = NextResponse.json({ recoveryCodes });
  setSessionCookie(res, session.token, session.maxAgeSeconds);
  return res;
});
