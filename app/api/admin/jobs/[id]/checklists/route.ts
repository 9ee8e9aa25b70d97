import { attachChecklist } from "@/modules/checklists/checklists.service.ts";
import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(jobsApi.attachChecklist, async ({ ctx, params, body }) => attachChecklist(requireTenant(ctx), params.id, body.templateId));
