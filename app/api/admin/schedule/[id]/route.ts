import { scheduleApi, withConflictWarnings } from "@/modules/schedule/schedule.api.ts";
import { deleteVisit, updateVisit } from "@/modules/schedule/schedule.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const PATCH = route(scheduleApi.update, async ({ ctx, params, body }) => withConflictWarnings(() => updateVisit(requireTenant(ctx), params.id, body)));
export const DELETE = route(scheduleApi.remove, async ({ ctx, params }) => deleteVisit(requireTenant(ctx), params.id));
