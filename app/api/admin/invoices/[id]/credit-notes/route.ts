import { invoicesApi } from "@/modules/invoices/invoices.api.ts";
import { createCreditNote } from "@/modules/invoices/credit-notes.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(invoicesApi.creditNotes, async ({ ctx, params, body }) => createCreditNote(requireTenant(ctx), params.id, body));
