import { enquiriesApi } from "@/modules/enquiries/enquiries.api.ts";
import { addAttachment } from "@/modules/enquiries/enquiries.service.ts";
import { readUploadedFile } from "@/modules/enquiries/enquiries.upload.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(enquiriesApi.attach, async ({ ctx, params, req }) => addAttachment(requireTenant(ctx), params.id, await readUploadedFile(req)));
