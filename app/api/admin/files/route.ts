import { filesApi } from "@/modules/files/files.api.ts";
import { listFiles } from "@/modules/files/files.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(filesApi.list, async ({ ctx, query }) => listFiles(requireTenant(ctx), query));
