import { publicEnquiriesApi } from "@/modules/enquiries/enquiries.api.ts";
import { submitPublicEnquiry } from "@/modules/enquiries/public-enquiry.service.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(publicEnquiriesApi.submit, async ({ ctx, params, body }) => submitPublicEnquiry(ctx, params.slug, body));
