import { checklistTemplatesApi } from "@/modules/checklists/checklists.api.ts";
import { restoreTemplate } from "@/modules/checklists/checklists.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(checklistTemplatesApi.restore, async ({ ctx, params }) => restoreTemplate(requireTenant(ctx), params.id));
