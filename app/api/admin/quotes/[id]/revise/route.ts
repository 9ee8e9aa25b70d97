import { quotesApi } from "@/modules/quotes/quotes.api.ts";
import { reviseQuote } from "@/modules/quotes/quotes.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(quotesApi.revise, async ({ ctx, params }) => reviseQuote(requireTenant(ctx), params.id));
