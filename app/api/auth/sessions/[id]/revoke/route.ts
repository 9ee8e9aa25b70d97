import { accountApi } from "@/modules/identity/account.api.ts";
import { revokeMySession } from "@/modules/identity/account.service.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(accountApi.revokeSession, async ({ ctx, params }) => revokeMySession(ctx, params.id));
