import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { addJobPhoto } from "@/modules/jobs/jobs.service.ts";
import { readJobUpload } from "@/modules/jobs/jobs.upload.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(jobsApi.addPhoto, async ({ ctx, params, req }) => {
  const tenant = requireTenant(ctx);
  const upload = await readJobUpload(req);
  return addJobPhoto(tenant, params.id, upload);
});
