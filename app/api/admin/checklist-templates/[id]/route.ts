import { checklistTemplatesApi } from "@/modules/checklists/checklists.api.ts";
import { getTemplate, updateTemplate } from "@/modules/checklists/checklists.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(checklistTemplatesApi.get, async ({ ctx, params }) => getTemplate(requireTenant(ctx), params.id));
export const PATCH = route(checklistTemplatesApi.update, async ({ ctx, params, body }) => updateTemplate(requireTenant(ctx), params.id, body));
