import { timeEntriesApi } from "@/modules/time/time.api.ts";
import { createTimeEntry, listTimeEntries } from "@/modules/time/time.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(timeEntriesApi.list, async ({ ctx, query }) => listTimeEntries(requireTenant(ctx), query));
export const POST = route(timeEntriesApi.create, async ({ ctx, body }) => createTimeEntry(requireTenant(ctx), body));
