import { setChecklistItem } from "@/modules/checklists/checklists.service.ts";
import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const PATCH = route(jobsApi.setItem, async ({ ctx, params, body }) => setChecklistItem(requireTenant(ctx), params.itemId, body.done, { jobId: params.id, occurredAt: body.occurredAt }));
