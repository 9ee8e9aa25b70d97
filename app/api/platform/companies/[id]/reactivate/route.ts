import { platformApi } from "@/modules/platform/platform.api.ts";
import { reactivateCompany } from "@/modules/platform/platform.service.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(platformApi.reactivate, async ({ ctx, params, body }) => reactivateCompany(ctx, params.id, body));
