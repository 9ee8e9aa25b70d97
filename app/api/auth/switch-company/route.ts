import { NextResponse } from "next/server";
import { accountApi } from "@/modules/identity/account.api.ts";
import { switchCompany } from "@/modules/identity/account.service.ts";
import { setSessionCookie } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(accountApi.switchCompany, async ({ ctx, body }) => {
  const { redirectTo, session } = await switchCompany(ctx, body);
  const res = NextResponse.json({ redirectTo });
  setSessionCookie(res, session.token, session.maxAgeSeconds);
  return res;
});
