import { pipelineStagesApi } from "@/modules/enquiries/enquiries.api.ts";
import { createStage, listStages } from "@/modules/enquiries/pipeline.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(pipelineStagesApi.list, async ({ ctx }) => listStages(requireTenant(ctx)));
export const POST = route(pipelineStagesApi.create, async ({ ctx, body }) => createStage(requireTenant(ctx), body));
