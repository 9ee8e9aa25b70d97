/**
 * Deposit on acceptance: when an accepted quote asks for a deposit (a percentage or a fixed
 * amount), the deposit invoice is part of the acceptance. Inside the acceptance's transaction the
 * DEPOSIT invoice is created, issued (its number from the company's counter), given its
 * `/i/<token>` link and its email queued (outbox): all of it commits with the signed agreement,
 * or none of it does and the quote stays un-accepted. A client with no email address doesn't
 * stop the acceptance: the email isn't queued and the invoice's history says so.
 *
 * Only after the commit does the client's way to pay come from Stripe (external HTTP): a Checkout
 * Session when the company takes cards; else, or when Stripe fails, the invoice link page (bank
 * details, and its own "Pay by card" button). Both are correct outcomes.
 */
import { systemBillingContext } from "@/modules/invoices/billing-context.ts";
import { createInvoiceFromQuoteInTx, createInvoiceLink, invoiceLinkUrl, issueInvoiceInTx, sendInvoiceInTx } from "@/modules/invoices/invoices.service.ts";
import { auditLinkVisitor } from "@/server/audit/audit.ts";
import type { RequestContext } from "@/server/context.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { logger } from "@/server/logging/logger.ts";
import { cardPaymentOption, startCheckoutForLink } from "./checkout.service.ts";

export type DepositInvoice = { invoiceId: string; number: string; token: string; emailed: boolean };

type DepositQuote = { id: string; depositBps: number | null; depositPence: number | null };

/**
 * The deposit invoice, inside the acceptance's transaction (the quote row is locked and already
 * ACCEPTED there). Returns null when the quote asks for no deposit; throws when any step fails,
 * which rolls the acceptance back with it. A fixed deposit larger than what the client accepted
 * (options chosen below it) is capped at the accepted total.
 */
export async function issueDepositInTx(tx: TenantTx, ctx: RequestContext, companyId: string, quote: DepositQuote, acceptedGrossPence: number, now: Date = new Date()): Promise<DepositInvoice | null> {
  if (quote.depositBps === null && quote.depositPence === null) return null;
  const billing = systemBillingContext(companyId, ctx);
  const deposit = quote.depositBps !== null ? { depositBps: quote.depositBps } : { depositPence: Math.min(quote.depositPence!, acceptedGrossPence) };
  const invoiceId = await createInvoiceFromQuoteInTx(tx, billing, { quoteId: quote.id, mode: "deposit", ...deposit });
  const number = await issueInvoiceInTx(tx, billing, invoiceId, now);
  const token = await createInvoiceLink(tx, billing, invoiceId);
  const sent = await sendInvoiceInTx(tx, billing, invoiceId, now, { token });
  await auditLinkVisitor(tx, ctx, companyId, {
    entityType: "Invoice",
    entityId: invoiceId,
    action: "invoice.deposit_created_on_acceptance",
    after: { quoteId: quote.id, number, ...deposit, emailed: sent.sent },
  });
  if (!sent.sent) {
    await auditLinkVisitor(tx, ctx, companyId, {
      entityType: "Invoice",
      entityId: invoiceId,
      action: "invoice.deposit_not_emailed",
      after: { number, reason: "The client has no email address (nor an invoice contact with one): the client was shown the invoice on screen only." },
    });
  }
  return { invoiceId, number, token, emailed: sent.sent };
}

/**
 * Where the client pays the deposit, right after the acceptance committed: Stripe Checkout when
 * the company takes cards, else the invoice link page. A Stripe failure is not an error for the
 * client: the link page shows the bank details and its own "Pay by card" button.
 */
export async function depositPayUrl(ctx: RequestContext, invoiceId: string, token: string): Promise<string> {
  try {
    if ((await cardPaymentOption(token)).available) return (await startCheckoutForLink(ctx, token, {})).url;
  } catch (err) {
    logger.warn({ err: (err as Error).message, invoiceId }, "deposit checkout not started: the client goes to the invoice link");
  }
  return invoiceLinkUrl(token);
}
