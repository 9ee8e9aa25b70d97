import { enquiriesApi } from "@/modules/enquiries/enquiries.api.ts";
import { convertEnquiry } from "@/modules/enquiries/enquiries.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(enquiriesApi.convert, async ({ ctx, params, body }) => convertEnquiry(requireTenant(ctx), params.id, body));
