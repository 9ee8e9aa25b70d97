import { timesheetsApi } from "@/modules/time/time.api.ts";
import { submitTimesheet } from "@/modules/time/timesheets.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(timesheetsApi.submit, async ({ ctx, body }) => submitTimesheet(requireTenant(ctx), body));
