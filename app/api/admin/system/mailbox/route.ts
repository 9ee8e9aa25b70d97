import { systemApi } from "@/modules/system/system.api.ts";
import { listMailbox } from "@/modules/system/system.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(systemApi.mailbox, async ({ ctx, query }) => listMailbox(requireTenant(ctx), query));
