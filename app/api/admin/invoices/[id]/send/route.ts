import { invoicesApi } from "@/modules/invoices/invoices.api.ts";
import { sendInvoice } from "@/modules/invoices/invoices.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(invoicesApi.send, async ({ ctx, params }) => sendInvoice(requireTenant(ctx), params.id));
