import { checklistTemplatesApi } from "@/modules/checklists/checklists.api.ts";
import { createTemplate, listTemplates } from "@/modules/checklists/checklists.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(checklistTemplatesApi.list, async ({ ctx, query }) => listTemplates(requireTenant(ctx), query));
export const POST = route(checklistTemplatesApi.create, async ({ ctx, body }) => createTemplate(requireTenant(ctx), body));
