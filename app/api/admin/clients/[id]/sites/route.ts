import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { createSite, listSites } from "@/modules/clients/clients.service.ts";

export const GET = route(clientsApi.listSites, async ({ ctx, params }) => listSites(requireTenant(ctx), params.id));
export const POST = route(clientsApi.createSite, async ({ ctx, params, body }) => createSite(requireTenant(ctx), params.id, body));
