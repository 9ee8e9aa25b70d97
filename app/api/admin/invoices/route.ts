import { invoicesApi } from "@/modules/invoices/invoices.api.ts";
import { createBlankInvoice, createInvoiceFromJob, createInvoiceFromQuote, listInvoices } from "@/modules/invoices/invoices.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(invoicesApi.list, async ({ ctx, query }) => listInvoices(requireTenant(ctx), query));
export const POST = route(invoicesApi.create, async ({ ctx, body }) => {
  const t = requireTenant(ctx);
  if (body.source === "quote") return createInvoiceFromQuote(t, body);
  if (body.source === "job") return createInvoiceFromJob(t, body.jobId);
  return createBlankInvoice(t, body);
});
