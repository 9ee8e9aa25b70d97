import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { createJobFromQuote } from "@/modules/jobs/jobs.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(jobsApi.fromQuote, async ({ ctx, body }) => createJobFromQuote(requireTenant(ctx), body.quoteId));
