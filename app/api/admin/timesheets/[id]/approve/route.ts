import { timesheetsApi } from "@/modules/time/time.api.ts";
import { approveTimesheet } from "@/modules/time/timesheets.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(timesheetsApi.approve, async ({ ctx, params }) => approveTimesheet(requireTenant(ctx), params.id));
