import { enquiriesApi } from "@/modules/enquiries/enquiries.api.ts";
import { addNote } from "@/modules/enquiries/enquiries.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(enquiriesApi.addNote, async ({ ctx, params, body }) => addNote(requireTenant(ctx), params.id, body.body));
