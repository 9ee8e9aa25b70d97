import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { updateSite } from "@/modules/clients/clients.service.ts";

export const PATCH = route(clientsApi.updateSite, async ({ ctx, params, body }) => updateSite(requireTenant(ctx), params.id, params.siteId, body));
