import { NextResponse } from "next/server";
import { usersApi } from "@/modules/identity/users.api.ts";
import { startImpersonation } from "@/modules/identity/impersonation.service.ts";
import { setSessionCookie } from "@/server/auth/cookies.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(usersApi.impersonate, async ({ ctx, params }) => {
  const { redirectTo, session } = await startImpersonation(requireTenant(ctx), params.id);
  const res = NextResponse.json({ redirectTo });
  setSessionCookie(res, session.token, session.maxAgeSeconds);
  return res;
});
