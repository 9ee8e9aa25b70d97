import { startCheckoutForLink } from "@/modules/stripe/checkout.service.ts";
import { cardPaymentsApi } from "@/modules/stripe/stripe.api.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(cardPaymentsApi.checkout, async ({ ctx, params, body }) => startCheckoutForLink(ctx, params.token, body));
