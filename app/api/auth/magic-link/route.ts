import { emailSignInApi } from "@/modules/identity/email-signin.api.ts";
import { requestMagicLink } from "@/modules/identity/email-signin.service.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(emailSignInApi.requestMagicLink, async ({ ctx, body }) => {
  await requestMagicLink(ctx, body);
  return { sent: true as const };
});
