import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { archiveSite } from "@/modules/clients/clients.service.ts";

export const POST = route(clientsApi.archiveSite, async ({ ctx, params }) => archiveSite(requireTenant(ctx), params.id, params.siteId));
