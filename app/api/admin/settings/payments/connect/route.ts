import { startConnectOnboarding } from "@/modules/stripe/connect.service.ts";
import { paymentSettingsApi } from "@/modules/stripe/stripe.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(paymentSettingsApi.connect, async ({ ctx }) => startConnectOnboarding(requireTenant(ctx)));
