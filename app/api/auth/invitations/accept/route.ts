import { NextResponse } from "next/server";
import { invitationsApi } from "@/modules/identity/invitations.api.ts";
import { acceptInvitation } from "@/modules/identity/invitations.service.ts";
import { setSessionCookie } from "@/server/auth/cookies.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(invitationsApi.accept, async ({ ctx, body }) => {
  const { redirectTo, session } = await acceptInvitation(ctx, body);
  const res = NextResponse.json({ redirectTo });
  if (session) setSessionCookie(res, session.token, session.maxAgeSeconds);
  return res;
});
