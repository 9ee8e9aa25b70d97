import { engineerApi } from "@/modules/engineer/engineer.api.ts";
import { myJob } from "@/modules/engineer/engineer.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(engineerApi.job, async ({ ctx, params }) => myJob(requireTenant(ctx), params.id));
