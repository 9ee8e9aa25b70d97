import { refreshConnectLink } from "@/modules/stripe/connect.service.ts";
import { paymentSettingsApi } from "@/modules/stripe/stripe.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(paymentSettingsApi.refresh, async ({ ctx }) => {
  const { url } = await refreshConnectLink(requireTenant(ctx));
  return new Response(null, { status: 303, headers: { location: url } });
});
