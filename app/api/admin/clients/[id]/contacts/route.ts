import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { createContact, listContacts } from "@/modules/clients/clients.service.ts";

export const GET = route(clientsApi.listContacts, async ({ ctx, params }) => listContacts(requireTenant(ctx), params.id));
export const POST = route(clientsApi.createContact, async ({ ctx, params, body }) => createContact(requireTenant(ctx), params.id, body));
