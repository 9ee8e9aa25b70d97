import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { unassignEngineer } from "@/modules/jobs/jobs.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const DELETE = route(jobsApi.unassign, async ({ ctx, params }) => unassignEngineer(requireTenant(ctx), params.id, params.engineerId));
