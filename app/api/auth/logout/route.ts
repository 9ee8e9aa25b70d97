import { NextResponse } from "next/server";
import { identityApi } from "@/modules/identity/identity.api.ts";
import { signOut } from "@/modules/identity/auth.service.ts";
import { setSessionCookie } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(identityApi.logout, async ({ ctx }) => {
  await signOut(ctx);
  const res = new NextResponse(null, { status: 204 });
  setSessionCookie(res, "", 0);
  return res;
});
