import { emailSignInApi } from "@/modules/identity/email-signin.api.ts";
import { resetPassword } from "@/modules/identity/email-signin.service.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(emailSignInApi.completeReset, async ({ ctx, body }) => {
  await resetPassword(ctx, body);
  return { redirectTo: "/login?reset=1" };
});
