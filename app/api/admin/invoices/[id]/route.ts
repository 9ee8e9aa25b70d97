import { invoicesApi } from "@/modules/invoices/invoices.api.ts";
import { getInvoice, updateInvoice } from "@/modules/invoices/invoices.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(invoicesApi.get, async ({ ctx, params }) => getInvoice(requireTenant(ctx), params.id));
export const PATCH = route(invoicesApi.update, async ({ ctx, params, body }) => updateInvoice(requireTenant(ctx), params.id, body));
