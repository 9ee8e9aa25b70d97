import { paymentsApi } from "@/modules/invoices/invoices.api.ts";
import { getPayment } from "@/modules/invoices/payments.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(paymentsApi.get, async ({ ctx, params }) => getPayment(requireTenant(ctx), params.id));
