import { paymentsApi } from "@/modules/invoices/invoices.api.ts";
import { recordRefund } from "@/modules/invoices/payments.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(paymentsApi.refund, async ({ ctx, params, body }) => recordRefund(requireTenant(ctx), params.id, body));
