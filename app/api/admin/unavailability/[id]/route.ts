import { unavailabilityApi } from "@/modules/schedule/schedule.api.ts";
import { deleteUnavailability, getUnavailability, updateUnavailability } from "@/modules/schedule/schedule.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(unavailabilityApi.get, async ({ ctx, params }) => getUnavailability(requireTenant(ctx), params.id));
export const PATCH = route(unavailabilityApi.update, async ({ ctx, params, body }) => updateUnavailability(requireTenant(ctx), params.id, body));
export const DELETE = route(unavailabilityApi.remove, async ({ ctx, params }) => deleteUnavailability(requireTenant(ctx), params.id));
