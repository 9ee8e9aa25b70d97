import { invoicesApi } from "@/modules/invoices/invoices.api.ts";
import { voidInvoice } from "@/modules/invoices/invoices.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(invoicesApi.void, async ({ ctx, params, body }) => voidInvoice(requireTenant(ctx), params.id, body.reason));
