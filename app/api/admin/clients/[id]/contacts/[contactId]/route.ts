import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { updateContact } from "@/modules/clients/clients.service.ts";

export const PATCH = route(clientsApi.updateContact, async ({ ctx, params, body }) => updateContact(requireTenant(ctx), params.id, params.contactId, body));
