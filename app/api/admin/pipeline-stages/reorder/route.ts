import { pipelineStagesApi } from "@/modules/enquiries/enquiries.api.ts";
import { reorderStages } from "@/modules/enquiries/pipeline.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(pipelineStagesApi.reorder, async ({ ctx, body }) => reorderStages(requireTenant(ctx), body.ids));
