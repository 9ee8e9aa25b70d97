import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { importClients } from "@/modules/clients/clients-import.service.ts";

export const POST = route(clientsApi.import, async ({ ctx, body }) => importClients(requireTenant(ctx), body));
