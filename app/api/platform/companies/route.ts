import { platformApi } from "@/modules/platform/platform.api.ts";
import { listTenantViews } from "@/modules/platform/platform.service.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(platformApi.list, async ({ ctx }) => listTenantViews(ctx));
