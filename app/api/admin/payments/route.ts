import { paymentsApi } from "@/modules/invoices/invoices.api.ts";
import { listPayments } from "@/modules/invoices/payments.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(paymentsApi.list, async ({ ctx, query }) => listPayments(requireTenant(ctx), query));
