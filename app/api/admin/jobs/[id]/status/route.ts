import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { transitionJob } from "@/modules/jobs/jobs.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(jobsApi.status, async ({ ctx, params, body }) => transitionJob(requireTenant(ctx), params.id, body.to, { reason: body.reason, occurredAt: body.occurredAt }));
