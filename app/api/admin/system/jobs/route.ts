import { systemApi } from "@/modules/system/system.api.ts";
import { jobsOverview } from "@/modules/system/system.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(systemApi.jobs, async ({ ctx }) => jobsOverview(requireTenant(ctx)));
