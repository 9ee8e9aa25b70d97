import { enquiriesApi } from "@/modules/enquiries/enquiries.api.ts";
import { getEnquiry, updateEnquiry } from "@/modules/enquiries/enquiries.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(enquiriesApi.get, async ({ ctx, params }) => getEnquiry(requireTenant(ctx), params.id));
export const PATCH = route(enquiriesApi.update, async ({ ctx, params, body }) => updateEnquiry(requireTenant(ctx), params.id, body));
