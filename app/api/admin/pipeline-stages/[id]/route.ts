import { pipelineStagesApi } from "@/modules/enquiries/enquiries.api.ts";
import { updateStage } from "@/modules/enquiries/pipeline.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const PATCH = route(pipelineStagesApi.update, async ({ ctx, params, body }) => updateStage(requireTenant(ctx), params.id, body));
