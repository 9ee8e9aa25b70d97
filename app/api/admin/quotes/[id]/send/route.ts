import { quotesApi } from "@/modules/quotes/quotes.api.ts";
import { sendQuote } from "@/modules/quotes/quotes.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(quotesApi.send, async ({ ctx, params }) => sendQuote(requireTenant(ctx), params.id));
