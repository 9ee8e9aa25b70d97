import { timesheetsApi } from "@/modules/time/time.api.ts";
import { rejectTimesheet } from "@/modules/time/timesheets.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(timesheetsApi.reject, async ({ ctx, params, body }) => rejectTimesheet(requireTenant(ctx), params.id, body.reason));
