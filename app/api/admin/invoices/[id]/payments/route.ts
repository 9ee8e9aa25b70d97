import { invoicesApi } from "@/modules/invoices/invoices.api.ts";
import { recordManualPayment } from "@/modules/invoices/payments.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(invoicesApi.payments, async ({ ctx, params, body }) => recordManualPayment(requireTenant(ctx), params.id, body));
