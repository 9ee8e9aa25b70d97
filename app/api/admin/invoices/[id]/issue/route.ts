import { invoicesApi } from "@/modules/invoices/invoices.api.ts";
import { issueInvoice } from "@/modules/invoices/invoices.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(invoicesApi.issue, async ({ ctx, params }) => issueInvoice(requireTenant(ctx), params.id));
