import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { assignEngineer } from "@/modules/jobs/jobs.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(jobsApi.assign, async ({ ctx, params, body }) => assignEngineer(requireTenant(ctx), params.id, body.engineerId));
