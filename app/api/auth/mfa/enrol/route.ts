import { accountApi } from "@/modules/identity/account.api.ts";
import { startMfaEnrolment } from "@/modules/identity/mfa.service.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(accountApi.mfaEnrol, async ({ ctx }) => startMfaEnrolment(ctx));
