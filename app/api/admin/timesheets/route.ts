import { timesheetsApi } from "@/modules/time/time.api.ts";
import { listTimesheets } from "@/modules/time/timesheets.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(timesheetsApi.list, async ({ ctx, query }) => listTimesheets(requireTenant(ctx), query));
