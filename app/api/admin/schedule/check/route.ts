import { scheduleApi } from "@/modules/schedule/schedule.api.ts";
import { checkVisit } from "@/modules/schedule/schedule.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(scheduleApi.check, async ({ ctx, body }) => checkVisit(requireTenant(ctx), body));
