import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { archiveClient } from "@/modules/clients/clients.service.ts";

export const POST = route(clientsApi.archive, async ({ ctx, params }) => archiveClient(requireTenant(ctx), params.id));
