import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { createJob, listJobs } from "@/modules/jobs/jobs.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(jobsApi.list, async ({ ctx, query }) => listJobs(requireTenant(ctx), query));
export const POST = route(jobsApi.create, async ({ ctx, body }) => createJob(requireTenant(ctx), body));
