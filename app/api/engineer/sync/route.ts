import { engineerApi } from "@/modules/engineer/engineer.api.ts";
import { syncActions } from "@/modules/engineer/sync.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(engineerApi.sync, async ({ ctx, body }) => syncActions(requireTenant(ctx), body.actions));
