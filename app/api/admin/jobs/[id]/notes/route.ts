import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { addJobNote, listJobNotes } from "@/modules/jobs/jobs.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(jobsApi.notes, async ({ ctx, params, query }) => listJobNotes(requireTenant(ctx), params.id, query));
export const POST = route(jobsApi.addNote, async ({ ctx, params, body }) => addJobNote(requireTenant(ctx), params.id, body.body, { occurredAt: body.occurredAt }));
