import { platformApi } from "@/modules/platform/platform.api.ts";
import { suspendCompany } from "@/modules/platform/platform.service.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(platformApi.suspend, async ({ ctx, params, body }) => suspendCompany(ctx, params.id, body));
