/**
 * Deposit on acceptance: when an accepted quote asks for a deposit (a percentage or a fixed
 * amount), the acceptance flow issues the deposit invoice, emails it, and sends the client
 * straight to payment: Stripe Checkout when the company takes cards, else the invoice link page
 * (bank details). Runs right after the acceptance commits.
 */
import { systemBillingContext } from "@/modules/invoices/billing-context.ts";
import { createInvoiceFromQuote, createInvoiceLink, issueInvoice, sendInvoice } from "@/modules/invoices/invoices.service.ts";
import { auditLinkVisitor } from "@/server/audit/audit.ts";
import { env } from "@/server/config/env.ts";
import type { RequestContext } from "@/server/context.ts";
import { tenantDb } from "@/server/db/tenancy.ts";
import { logger } from "@/server/logging/logger.ts";
import { cardPaymentOption, startCheckoutForLink } from "./checkout.service.ts";

export type DepositOutcome = { invoiceId: string; payUrl: string } | null;

export async function issueDepositOnAcceptance(ctx: RequestContext, companyId: string, quoteId: string): Promise<DepositOutcome> {
  const quote = await tenantDb(companyId).quote.findUnique({ where: { id: quoteId }, select: { depositBps: true, depositPence: true, status: true } });
  if (!quote || quote.status !== "ACCEPTED" || (quote.depositBps === null && quote.depositPence === null)) return null;
  const billing = systemBillingContext(companyId, ctx);
  const draft = await createInvoiceFromQuote(billing, {
    quoteId,
    mode: "deposit",
    ...(quote.depositBps !== null ? { depositBps: quote.depositBps } : { depositPence: quote.depositPence! }),
  });
  const issued = await issueInvoice(billing, draft.id);
  const token = await billing.db.$transaction(async (tx) => {
    const t = await createInvoiceLink(tx, billing, issued.id);
    await auditLinkVisitor(tx, ctx, companyId, {
      entityType: "Invoice",
      entityId: issued.id,
      action: "invoice.deposit_created_on_acceptance",
      after: { quoteId, number: issued.number, depositBps: quote.depositBps, depositPence: quote.depositPence },
    });
    return t;
  });
  try {
    await sendInvoice(billing, issued.id);
  } catch (err) {
    // No email address on the client: the client is still taken to the invoice right now.
    logger.warn({ err: (err as Error).message, invoiceId: issued.id }, "deposit invoice not emailed");
  }
  const linkUrl = `${env().APP_URL}/i/${token}`;
  if ((await cardPaymentOption(token)).available) {
    const checkout = await startCheckoutForLink(ctx, token, {});
    return { invoiceId: issued.id, payUrl: checkout.url };
  }
  return { invoiceId: issued.id, payUrl: linkUrl };
}
