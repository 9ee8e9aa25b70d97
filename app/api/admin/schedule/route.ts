import { scheduleApi, withConflictWarnings } from "@/modules/schedule/schedule.api.ts";
import { createVisit, listVisits } from "@/modules/schedule/schedule.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(scheduleApi.list, async ({ ctx, query }) => listVisits(requireTenant(ctx), query));
export const POST = route(scheduleApi.create, async ({ ctx, body }) => withConflictWarnings(() => createVisit(requireTenant(ctx), body)));
