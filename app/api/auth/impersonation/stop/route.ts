import { NextResponse } from "next/server";
import { accountApi } from "@/modules/identity/account.api.ts";
import { stopImpersonation } from "@/modules/identity/impersonation.service.ts";
import { setSessionCookie } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(accountApi.stopImpersonation, async ({ ctx }) => {
  const { redirectTo, session } = await stopImpersonation(ctx);
  const res = NextResponse.json({ redirectTo });
  setSessionCookie(res, session?.token ?? "", session?.maxAgeSeconds ?? 0);
  return res;
});
