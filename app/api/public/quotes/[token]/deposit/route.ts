import { quoteLinkApi } from "@/modules/quotes/acceptance.api.ts";
import { depositPaymentByLink, QUOTE_LINK_LIMIT } from "@/modules/quotes/acceptance.service.ts";
import { route } from "@/server/http/route.ts";
import { consume } from "@/server/rate-limit/rate-limit.ts";

export const POST = route(quoteLinkApi.payDeposit, async ({ ctx, params }) => {
  await consume(QUOTE_LINK_LIMIT, `${ctx.ip ?? "unknown"}:${params.token.slice(0, 12)}`);
  return depositPaymentByLink(ctx, params.token);
});
