import { systemApi } from "@/modules/system/system.api.ts";
import { removeFailedJob } from "@/modules/system/system.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(systemApi.removeJob, async ({ ctx, params }) => removeFailedJob(requireTenant(ctx), params.queue, params.jobId));
