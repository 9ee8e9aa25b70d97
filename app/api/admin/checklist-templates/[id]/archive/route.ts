import { checklistTemplatesApi } from "@/modules/checklists/checklists.api.ts";
import { archiveTemplate } from "@/modules/checklists/checklists.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(checklistTemplatesApi.archive, async ({ ctx, params }) => archiveTemplate(requireTenant(ctx), params.id));
