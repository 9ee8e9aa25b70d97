import { accountApi } from "@/modules/identity/account.api.ts";
import { revokeMyOtherSessions } from "@/modules/identity/account.service.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(accountApi.revokeOtherSessions, async ({ ctx }) => revokeMyOtherSessions(ctx));
