import { agreementsApi } from "@/modules/quotes/agreements.api.ts";
import { getAgreement } from "@/modules/quotes/agreements.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(agreementsApi.get, async ({ ctx, params }) => getAgreement(requireTenant(ctx), params.id));
