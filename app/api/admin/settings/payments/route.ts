import { getPaymentSettings, updatePaymentSettings } from "@/modules/stripe/connect.service.ts";
import { paymentSettingsApi } from "@/modules/stripe/stripe.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(paymentSettingsApi.get, async ({ ctx }) => getPaymentSettings(requireTenant(ctx)));
export const PATCH = route(paymentSettingsApi.update, async ({ ctx, body }) => updatePaymentSettings(requireTenant(ctx), body));
