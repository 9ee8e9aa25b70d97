import { pipelineStagesApi } from "@/modules/enquiries/enquiries.api.ts";
import { archiveStage } from "@/modules/enquiries/pipeline.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(pipelineStagesApi.archive, async ({ ctx, params }) => archiveStage(requireTenant(ctx), params.id));
