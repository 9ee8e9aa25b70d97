import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { createClient, listClients } from "@/modules/clients/clients.service.ts";

export const GET = route(clientsApi.list, async ({ ctx, query }) => listClients(requireTenant(ctx), query));
export const POST = route(clientsApi.create, async ({ ctx, body }) => createClient(requireTenant(ctx), body));
