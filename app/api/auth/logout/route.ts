import { NextResponse } from "next/server";
import { identityApi } from "@/modules/identity/identity.api.ts";
import { signOut } from "@/modules/identity/auth.service.ts";
import { sessionCookieName, sessionCookieOptions } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(identityApi.logout, async ({ ctx }) => {
  await signOut(ctx);
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(sessionCookieName(), "", sessionCookieOptions(0));
  return res;
});
