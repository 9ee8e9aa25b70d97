import { handleStripeWebhook } from "@/modules/stripe/webhook.service.ts";
import { cardPaymentsApi } from "@/modules/stripe/stripe.api.ts";
import { route } from "@/server/http/route.ts";

// The signature covers the exact bytes: the body is read raw here, never parsed by the wrapper.
export const POST = route(cardPaymentsApi.webhook, async ({ ctx, req }) => handleStripeWebhook(ctx, await req.text(), req.headers.get("stripe-signature")));
