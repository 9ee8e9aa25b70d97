import { emailSignInApi } from "@/modules/identity/email-signin.api.ts";
import { requestPasswordReset } from "@/modules/identity/email-signin.service.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(emailSignInApi.requestReset, async ({ ctx, body }) => {
  await requestPasswordReset(ctx, body);
  return { sent: true as const };
});
