import { paymentsApi } from "@/modules/invoices/invoices.api.ts";
import { resolveUnappliedPayment } from "@/modules/invoices/unapplied-payments.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(paymentsApi.unappliedResolve, async ({ ctx, params, body }) => resolveUnappliedPayment(requireTenant(ctx), params.id, body));
