import { timeEntriesApi } from "@/modules/time/time.api.ts";
import { deleteTimeEntry, getTimeEntry, updateTimeEntry } from "@/modules/time/time.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(timeEntriesApi.get, async ({ ctx, params }) => getTimeEntry(requireTenant(ctx), params.id));
export const PATCH = route(timeEntriesApi.update, async ({ ctx, params, body }) => updateTimeEntry(requireTenant(ctx), params.id, body));
export const DELETE = route(timeEntriesApi.remove, async ({ ctx, params }) => deleteTimeEntry(requireTenant(ctx), params.id));
