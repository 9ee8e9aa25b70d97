import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { getJob, updateJob } from "@/modules/jobs/jobs.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(jobsApi.get, async ({ ctx, params }) => getJob(requireTenant(ctx), params.id));
export const PATCH = route(jobsApi.update, async ({ ctx, params, body }) => updateJob(requireTenant(ctx), params.id, body));
