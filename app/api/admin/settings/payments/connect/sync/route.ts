import { syncConnectStatus } from "@/modules/stripe/connect.service.ts";
import { paymentSettingsApi } from "@/modules/stripe/stripe.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(paymentSettingsApi.sync, async ({ ctx }) => syncConnectStatus(requireTenant(ctx)));
