import { NextResponse } from "next/server";
import { identityApi } from "@/modules/identity/identity.api.ts";
import { signInWithPassword } from "@/modules/identity/auth.service.ts";
import { sessionCookieName, sessionCookieOptions } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(identityApi.login, async ({ ctx, body }) => {
  const { token, redirectTo, maxAgeSeconds } = await signInWithPassword(ctx, body);
  const res = NextResponse.json({ redirectTo });
  res.cookies.set(sessionCookieName(), token, sessionCookieOptions(maxAgeSeconds));
  return res;
});
