import { NextResponse } from "next/server";
import { accountApi } from "@/modules/identity/account.api.ts";
import { disableMfa } from "@/modules/identity/mfa.service.ts";
import { setSessionCookie } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(accountApi.mfaDisable, async ({ ctx, body }) => {
  const session = await disableMfa(ctx, body);
  const res = new NextResponse(null, { status: 204 });
  setSessionCookie(res, session.token, session.maxAgeSeconds);
  return res;
});
