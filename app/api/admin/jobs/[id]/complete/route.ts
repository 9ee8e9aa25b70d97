import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { completeJob } from "@/modules/jobs/jobs.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(jobsApi.complete, async ({ ctx, params, body }) => completeJob(requireTenant(ctx), params.id, body));
