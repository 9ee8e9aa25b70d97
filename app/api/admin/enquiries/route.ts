import { enquiriesApi } from "@/modules/enquiries/enquiries.api.ts";
import { createEnquiry, listEnquiries } from "@/modules/enquiries/enquiries.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(enquiriesApi.list, async ({ ctx, query }) => listEnquiries(requireTenant(ctx), query));
export const POST = route(enquiriesApi.create, async ({ ctx, body }) => createEnquiry(requireTenant(ctx), body));
