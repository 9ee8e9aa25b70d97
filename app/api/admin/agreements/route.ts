import { agreementsApi } from "@/modules/quotes/agreements.api.ts";
import { listAgreements } from "@/modules/quotes/agreements.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(agreementsApi.list, async ({ ctx, query }) => listAgreements(requireTenant(ctx), query));
