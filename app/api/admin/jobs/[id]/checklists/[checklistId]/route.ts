import { detachChecklist } from "@/modules/checklists/checklists.service.ts";
import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const DELETE = route(jobsApi.detachChecklist, async ({ ctx, params }) => detachChecklist(requireTenant(ctx), params.id, params.checklistId));
