import { filesApi } from "@/modules/files/files.api.ts";
import { downloadFile } from "@/modules/files/files.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(filesApi.download, async ({ ctx, params }) => downloadFile(requireTenant(ctx), params.id));
