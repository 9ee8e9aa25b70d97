import { systemApi } from "@/modules/system/system.api.ts";
import { getMailboxMessage } from "@/modules/system/system.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(systemApi.mailboxMessage, async ({ ctx, params }) => getMailboxMessage(requireTenant(ctx), params.id));
