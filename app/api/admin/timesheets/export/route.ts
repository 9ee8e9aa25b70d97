import { timesheetsApi } from "@/modules/time/time.api.ts";
import { exportTimesheets } from "@/modules/time/timesheets.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(timesheetsApi.export, async ({ ctx, query }) => exportTimesheets(requireTenant(ctx), query));
