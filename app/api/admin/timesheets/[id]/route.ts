import { timesheetsApi } from "@/modules/time/time.api.ts";
import { getTimesheetById } from "@/modules/time/timesheets.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(timesheetsApi.get, async ({ ctx, params }) => getTimesheetById(requireTenant(ctx), params.id));
