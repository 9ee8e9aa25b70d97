import { quotesApi } from "@/modules/quotes/quotes.api.ts";
import { getQuote, updateQuote } from "@/modules/quotes/quotes.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(quotesApi.get, async ({ ctx, params }) => getQuote(requireTenant(ctx), params.id));
export const PATCH = route(quotesApi.update, async ({ ctx, params, body }) => updateQuote(requireTenant(ctx), params.id, body));
