import { quotesApi } from "@/modules/quotes/quotes.api.ts";
import { createQuote, listQuotes } from "@/modules/quotes/quotes.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(quotesApi.list, async ({ ctx, query }) => listQuotes(requireTenant(ctx), query));
export const POST = route(quotesApi.create, async ({ ctx, body }) => createQuote(requireTenant(ctx), body));
