import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { getClient, updateClient } from "@/modules/clients/clients.service.ts";

export const GET = route(clientsApi.get, async ({ ctx, params }) => getClient(requireTenant(ctx), params.id));
export const PATCH = route(clientsApi.update, async ({ ctx, params, body }) => updateClient(requireTenant(ctx), params.id, body));
