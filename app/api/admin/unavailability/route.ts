import { unavailabilityApi } from "@/modules/schedule/schedule.api.ts";
import { createUnavailability, listUnavailability } from "@/modules/schedule/schedule.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(unavailabilityApi.list, async ({ ctx, query }) => listUnavailability(requireTenant(ctx), query));
export const POST = route(unavailabilityApi.create, async ({ ctx, body }) => createUnavailability(requireTenant(ctx), body));
