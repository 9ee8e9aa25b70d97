import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { restoreClient } from "@/modules/clients/clients.service.ts";

export const POST = route(clientsApi.restore, async ({ ctx, params }) => restoreClient(requireTenant(ctx), params.id));
