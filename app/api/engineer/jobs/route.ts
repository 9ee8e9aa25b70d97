import { engineerApi } from "@/modules/engineer/engineer.api.ts";
import { myJobs } from "@/modules/engineer/engineer.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(engineerApi.jobs, async ({ ctx }) => myJobs(requireTenant(ctx)));
