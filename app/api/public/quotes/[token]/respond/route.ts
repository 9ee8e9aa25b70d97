import { quoteLinkApi } from "@/modules/quotes/acceptance.api.ts";
import { QUOTE_LINK_LIMIT, respondToQuoteByLink } from "@/modules/quotes/acceptance.service.ts";
import { route } from "@/server/http/route.ts";
import { consume } from "@/server/rate-limit/rate-limit.ts";

export const POST = route(quoteLinkApi.respond, async ({ ctx, params, body }) => {
  await consume(QUOTE_LINK_LIMIT, `${ctx.ip ?? "unknown"}:${params.token.slice(0, 12)}`);
  await respondToQuoteByLink(ctx, params.token, body);
});
