import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { addNote, listNotes } from "@/modules/clients/clients.service.ts";

export const GET = route(clientsApi.listNotes, async ({ ctx, params, query }) => listNotes(requireTenant(ctx), params.id, query));
export const POST = route(clientsApi.createNote, async ({ ctx, params, body }) => addNote(requireTenant(ctx), params.id, body));
