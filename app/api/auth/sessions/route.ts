import { accountApi } from "@/modules/identity/account.api.ts";
import { listMySessions } from "@/modules/identity/account.service.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(accountApi.sessions, async ({ ctx }) => listMySessions(ctx));
