import { enquiriesApi } from "@/modules/enquiries/enquiries.api.ts";
import { moveEnquiry } from "@/modules/enquiries/enquiries.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(enquiriesApi.move, async ({ ctx, params, body }) => moveEnquiry(requireTenant(ctx), params.id, body.stageId));
