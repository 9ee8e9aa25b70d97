import { enquiriesApi } from "@/modules/enquiries/enquiries.api.ts";
import { assignEnquiry } from "@/modules/enquiries/enquiries.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(enquiriesApi.assign, async ({ ctx, params, body }) => assignEnquiry(requireTenant(ctx), params.id, body.ownerId));
