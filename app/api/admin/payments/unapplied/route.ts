import { paymentsApi } from "@/modules/invoices/invoices.api.ts";
import { listUnappliedPayments } from "@/modules/invoices/unapplied-payments.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(paymentsApi.unappliedList, async ({ ctx, query }) => listUnappliedPayments(requireTenant(ctx), query));
