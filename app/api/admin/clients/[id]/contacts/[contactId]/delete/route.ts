import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { deleteContact } from "@/modules/clients/clients.service.ts";

export const POST = route(clientsApi.deleteContact, async ({ ctx, params }) => deleteContact(requireTenant(ctx), params.id, params.contactId));
