import { systemApi } from "@/modules/system/system.api.ts";
import { retryFailedJob } from "@/modules/system/system.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(systemApi.retryJob, async ({ ctx, params }) => retryFailedJob(requireTenant(ctx), params.queue, params.jobId));
