/**
 * Stripe webhooks (Connect events from companies' own accounts). The raw body's signature is
 * verified with STRIPE_WEBHOOK_SECRET first: anything unsigned or forged is refused with 400 and
 * nothing is stored. Each event id is stored once (StripeEvent) in the same transaction as its
 * effect, so a replay is acknowledged and changes nothing, and a failure stores nothing (Stripe
 * retries). Payments are idempotent on the payment intent, so `checkout.session.completed` and
 * `payment_intent.succeeded` in either order, or twice, make exactly one Payment.
 *
 * A refund can arrive before its payment's events. Its payment intent is then read from Stripe
 * (the company's account, before the transaction): one of ours (our metadata) has its payment
 * recorded from it there and then, through the same idempotent path, and the refund applied on
 * top; the payment's own events, when they come, change nothing. A refund of a payment the
 * company took outside Quantract is acknowledged and ignored. Only Stripe being unreachable makes
 * the delivery fail (503, nothing stored), and Stripe retries it (for up to 3 days).
 */
import Stripe from "stripe";
import type { Prisma } from "@/generated/prisma/client.ts";
import { systemBillingContext, type BillingContext } from "@/modules/invoices/billing-context.ts";
import { balanceDuePence } from "@/modules/invoices/invoice-money.ts";
import { createInvoiceLink, invoiceLinkUrl, todayIn } from "@/modules/invoices/invoices.service.ts";
import { applyPayment, applyRefund, InvoiceNotPayableError, OverpaymentError } from "@/modules/invoices/payments.service.ts";
import { noteUnappliedRefund, recordUnappliedPayment } from "@/modules/invoices/unapplied-payments.service.ts";
import { auditLinkVisitor } from "@/server/audit/audit.ts";
import type { RequestContext } from "@/server/context.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { tenantDb, type TenantTx } from "@/server/db/tenancy.ts";
import { queueEmail } from "@/server/email/queue-email.ts";
import { badRequest, unavailable } from "@/server/errors/errors.ts";
import { formatDate, formatMoney } from "@/ui/format.ts";
import { applyAccountUpdated } from "./connect.service.ts";
import { stripe, stripeWebhookSecret } from "./stripe-client.ts";

export type WebhookOutcome = { received: true; duplicate: boolean; handled: string };

/** 400 unless the body is signed with our secret (tolerance: Stripe's default 5 minutes). */
export function verifyStripeEvent(rawBody: string, signature: string | null): Stripe.Event {
  const secret = stripeWebhookSecret();
  if (!secret) throw badRequest("Stripe webhooks are not configured on this installation.");
  if (!signature) throw badRequest("Missing Stripe-Signature header.");
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw badRequest("Invalid Stripe signature.");
  }
}

type Metadata = Record<string, string> | null | undefined;

/** Which company an event belongs to: the connected account it came from (and the metadata we set must agree). */
async function companyForAccount(accountId: string | null | undefined) {
  if (!accountId) return null;
  // Company is platform-level; the connected account id is unique to one tenant.
  return unsafeUnscopedDb().company.findUnique({ where: { stripeAccountId: accountId }, select: { id: true, timeZone: true } });
}

/** Stores the event id once; false when it was already stored (a replay). Runs in the caller's transaction. */
async function claimEvent(tx: TenantTx | Prisma.TransactionClient, event: Stripe.Event, processed: boolean): Promise<boolean> {
  const payload = JSON.stringify(event);
  const inserted = await tx.$executeRaw`
    INSERT INTO "StripeEvent" ("id", "type", "accountId", "payload", "receivedAt", "processedAt")
    VALUES (${event.id}, ${event.type}, ${event.account ?? null}, ${payload}::jsonb, now(), ${processed ? new Date() : null})
    ON CONFLICT ("id") DO NOTHING`;
  return inserted === 1;
}

async function markProcessed(tx: TenantTx, eventId: string) {
  await tx.$executeRaw`UPDATE "StripeEvent" SET "processedAt" = now() WHERE "id" = ${eventId}`;
}

/** An event we don't act on (or for no company of ours): stored once, acknowledged. */
async function acknowledge(event: Stripe.Event, handled: string): Promise<WebhookOutcome> {
  const fresh = await unsafeUnscopedDb().$transaction((tx) => claimEvent(tx, event, true));
  return { received: true, duplicate: !fresh, handled };
}

/** Runs an event's effect in one transaction with its StripeEvent row; a replay does nothing. */
async function inCompanyTransaction(companyId: string, event: Stripe.Event, effect: (tx: TenantTx) => Promise<string>): Promise<WebhookOutcome> {
  return tenantDb(companyId).$transaction(async (tx) => {
    if (!(await claimEvent(tx, event, false))) return { received: true as const, duplicate: true, handled: "replay" };
    const handled = await effect(tx);
    await markProcessed(tx, event.id);
    return { received: true as const, duplicate: false, handled };
  });
}

function id(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

async function sendReceipt(tx: TenantTx, ctx: BillingContext, paymentId: string) {
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: payment.invoiceId }, include: { client: { include: { contacts: true } } } });
  const company = await tx.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { timeZone: true } });
  const recipients = invoice.client.contacts.filter((c) => c.receivesInvoices && c.email).map((c) => ({ email: c.email!, name: c.name }));
  if (recipients.length === 0 && invoice.client.email) recipients.push({ email: invoice.client.email, name: invoice.client.name });
  if (recipients.length === 0) return;
  const token = await createInvoiceLink(tx, ctx, invoice.id);
  const balance = balanceDuePence(invoice);
  await queueEmail(tx, {
    companyId: ctx.companyId,
    to: recipients.map((r) => r.email),
    template: "invoice.payment-receipt",
    props: {
      contactName: recipients[0]!.name,
      invoiceNumber: invoice.number ?? "",
      amount: formatMoney(payment.amountPence),
      paidOn: formatDate(payment.receivedOn, company.timeZone),
      method: "card",
      balance: formatMoney(Math.max(0, balance)),
      paidInFull: balance <= 0,
    },
    secretProps: { url: invoiceLinkUrl(token) },
    category: "invoices",
    idempotencyKey: `invoice-receipt:${payment.id}`,
    entityType: "Invoice",
    entityId: invoice.id,
    clientId: invoice.clientId,
  });
}

/**
 * A successful card payment (from either event): exactly one Payment per payment intent, with
 * an audit event and a receipt email. Money Stripe took that no longer fits the invoice (paid
 * meanwhile by transfer, or voided) is recorded for the office instead of being lost or retried.
 */
async function cardPaymentSucceeded(
  tx: TenantTx,
  ctx: BillingContext,
  p: { invoiceId: string; paymentIntentId: string; amountPence: number; checkoutSessionId: string | null; eventId: string | null; timeZone: string },
): Promise<string> {
  // Where the news came from: a webhook event, or the client's return to the success page.
  const via = p.eventId ? { stripeEventId: p.eventId } : { via: "checkout-return" };
  if (p.checkoutSessionId) {
    await tx.stripeCheckoutSession.updateMany({ where: { stripeSessionId: p.checkoutSessionId }, data: { status: "complete" } });
  }
  const invoice = await tx.invoice.findUnique({ where: { id: p.invoiceId }, select: { id: true } });
  if (!invoice) return "unknown-invoice";
  try {
    // A savepoint: a refused payment must not abort the event's transaction.
    await tx.$executeRaw`SAVEPOINT card_payment`;
    const { payment, duplicate } = await applyPayment(tx, ctx, {
      invoiceId: p.invoiceId,
      method: "CARD",
      amountPence: p.amountPence,
      receivedOn: todayIn(p.timeZone),
      reference: p.paymentIntentId,
      stripePaymentIntentId: p.paymentIntentId,
      stripeCheckoutId: p.checkoutSessionId,
    });
    await tx.$executeRaw`RELEASE SAVEPOINT card_payment`;
    if (duplicate) {
      if (p.checkoutSessionId && !payment.stripeCheckoutId) await tx.payment.update({ where: { id: payment.id }, data: { stripeCheckoutId: p.checkoutSessionId } });
      return "payment-already-recorded";
    }
    await auditLinkVisitor(tx, ctx, ctx.companyId, {
      entityType: "Invoice",
      entityId: p.invoiceId,
      action: "invoice.card_payment_received",
      after: { paymentId: payment.id, amountPence: p.amountPence, paymentIntent: p.paymentIntentId, checkoutSession: p.checkoutSessionId },
      metadata: via,
    });
    await sendReceipt(tx, ctx, payment.id);
    return "payment-recorded";
  } catch (err) {
    if (!(err instanceof OverpaymentError || err instanceof InvoiceNotPayableError)) throw err;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT card_payment`;
    await auditLinkVisitor(tx, ctx, ctx.companyId, {
      entityType: "Invoice",
      entityId: p.invoiceId,
      action: "invoice.card_payment_needs_attention",
      after: { amountPence: p.amountPence, paymentIntent: p.paymentIntentId, reason: err.message },
      metadata: via,
    });
    await recordUnappliedPayment(tx, ctx, { invoiceId: p.invoiceId, amountPence: p.amountPence, paymentIntentId: p.paymentIntentId, checkoutSessionId: p.checkoutSessionId, eventId: p.eventId, reason: err.message });
    return "payment-needs-attention";
  }
}

/**
 * A Checkout Session found paid at Stripe before its webhook arrived (the client is back on the
 * success page): applied through the same idempotent path as the webhook, in its own
 * transaction, so the later webhook finds the payment recorded and changes nothing. Only a paid
 * session whose metadata names this company and invoice counts.
 */
export async function applyPaidCheckoutSession(reqCtx: RequestContext, company: { id: string; timeZone: string }, invoiceId: string, s: Stripe.Checkout.Session): Promise<string> {
  if (s.payment_status !== "paid" || s.metadata?.companyId !== company.id || s.metadata?.invoiceId !== invoiceId) return "not-paid";
  const paymentIntentId = id(s.payment_intent);
  if (!paymentIntentId) return "no-payment-intent";
  const ctx = systemBillingContext(company.id, reqCtx);
  return tenantDb(company.id).$transaction((tx) =>
    cardPaymentSucceeded(tx, ctx, { invoiceId, paymentIntentId, amountPence: s.amount_total ?? 0, checkoutSessionId: s.id, eventId: null, timeZone: company.timeZone }),
  );
}

/** Payment intents of refunds whose payment isn't recorded yet, read from Stripe (null: not at Stripe). */
type EarlyRefundIntents = Map<string, Stripe.PaymentIntent | null>;

/**
 * Before a refund event's transaction: for each refunded payment intent with no Payment recorded
 * yet, the intent as Stripe has it on the company's account. Stripe unreachable → 503, retried.
 */
async function intentsOfEarlyRefunds(companyId: string, accountId: string, paymentIntentIds: (string | null)[]): Promise<EarlyRefundIntents> {
  const found: EarlyRefundIntents = new Map();
  const db = tenantDb(companyId);
  for (const pi of new Set(paymentIntentIds.filter((x): x is string => !!x))) {
    if (await db.payment.findFirst({ where: { stripePaymentIntentId: pi }, select: { id: true } })) continue;
    try {
      found.set(pi, await stripe().paymentIntents.retrieve(pi, {}, { stripeAccount: accountId }));
    } catch (err) {
      if ((err as { code?: string }).code === "resource_missing") found.set(pi, null);
      else throw unavailable("Stripe could not be reached to check the refunded payment; retry later.", err);
    }
  }
  return found;
}

async function refundRecorded(
  tx: TenantTx,
  ctx: BillingContext,
  r: { refundId: string; paymentIntentId: string | null; amountPence: number; reason: string | null; eventId: string },
  early: { intents: EarlyRefundIntents; timeZone: string },
) {
  if (!r.paymentIntentId) return "refund-without-payment";
  let payment = await tx.payment.findFirst({ where: { stripePaymentIntentId: r.paymentIntentId } });
  if (!payment) {
    // The payment's own events haven't arrived yet. Ours (our metadata): record it from the intent now.
    const pi = early.intents.get(r.paymentIntentId);
    const invoiceId = pi?.metadata?.companyId === ctx.companyId ? pi.metadata.invoiceId : undefined;
    if (!pi || !invoiceId || pi.status !== "succeeded") return "refund-not-ours";
    await cardPaymentSucceeded(tx, ctx, { invoiceId, paymentIntentId: pi.id, amountPence: pi.amount_received || pi.amount, checkoutSessionId: null, eventId: r.eventId, timeZone: early.timeZone });
    payment = await tx.payment.findFirst({ where: { stripePaymentIntentId: r.paymentIntentId } });
    // Not applied to the invoice (void or paid meanwhile): already flagged for the office.
    if (!payment) {
      await noteUnappliedRefund(tx, ctx, { paymentIntentId: r.paymentIntentId, refundId: r.refundId, amountPence: r.amountPence, eventId: r.eventId });
      return "refund-of-unapplied-payment";
    }
  }
  const { duplicate, refund } = await applyRefund(tx, ctx, { paymentId: payment.id, amountPence: r.amountPence, reason: r.reason ?? "Refunded in Stripe", stripeRefundId: r.refundId });
  if (duplicate) return "refund-already-recorded";
  await auditLinkVisitor(tx, ctx, ctx.companyId, {
    entityType: "Invoice",
    entityId: payment.invoiceId,
    action: "invoice.card_refund_recorded",
    after: { paymentId: payment.id, refundId: refund.id, amountPence: r.amountPence, stripeRefundId: r.refundId },
    metadata: { stripeEventId: r.eventId },
  });
  return "refund-recorded";
}

/** Verifies, stores once and applies one delivery. Throws 400 on a bad signature (nothing stored). */
export async function handleStripeWebhook(reqCtx: RequestContext, rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  const event = verifyStripeEvent(rawBody, signature);
  const company = await companyForAccount(event.account);
  if (!company) return acknowledge(event, "not-ours");
  const ctx = systemBillingContext(company.id, reqCtx);
  const belongs = (m: Metadata) => !!m && m.companyId === company.id && typeof m.invoiceId === "string";

  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const s = event.data.object;
      if (!belongs(s.metadata) || s.payment_status !== "paid") return inCompanyTransaction(company.id, event, async () => "ignored");
      const paymentIntentId = id(s.payment_intent);
      if (!paymentIntentId) return inCompanyTransaction(company.id, event, async () => "no-payment-intent");
      return inCompanyTransaction(company.id, event, (tx) =>
        cardPaymentSucceeded(tx, ctx, { invoiceId: s.metadata!.invoiceId!, paymentIntentId, amountPence: s.amount_total ?? 0, checkoutSessionId: s.id, eventId: event.id, timeZone: company.timeZone }),
      );
    }
    case "payment_intent.succeeded": {
      const pi = event.data.object;
      if (!belongs(pi.metadata)) return inCompanyTransaction(company.id, event, async () => "ignored");
      return inCompanyTransaction(company.id, event, (tx) =>
        cardPaymentSucceeded(tx, ctx, { invoiceId: pi.metadata.invoiceId!, paymentIntentId: pi.id, amountPence: pi.amount_received || pi.amount, checkoutSessionId: null, eventId: event.id, timeZone: company.timeZone }),
      );
    }
    case "checkout.session.expired": {
      const s = event.data.object;
      return inCompanyTransaction(company.id, event, async (tx) => {
        await tx.stripeCheckoutSession.updateMany({ where: { stripeSessionId: s.id }, data: { status: "expired" } });
        return "checkout-expired";
      });
    }
    case "refund.created":
    case "refund.updated": {
      const r = event.data.object;
      if (r.status !== "succeeded" && r.status !== "pending") return inCompanyTransaction(company.id, event, async () => "ignored");
      const early = { intents: await intentsOfEarlyRefunds(company.id, event.account!, [id(r.payment_intent)]), timeZone: company.timeZone };
      return inCompanyTransaction(company.id, event, (tx) =>
        refundRecorded(tx, ctx, { refundId: r.id, paymentIntentId: id(r.payment_intent), amountPence: r.amount, reason: r.reason, eventId: event.id }, early),
      );
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const refunds = charge.refunds?.data ?? [];
      const early = { intents: await intentsOfEarlyRefunds(company.id, event.account!, [id(charge.payment_intent), ...refunds.map((r) => id(r.payment_intent))]), timeZone: company.timeZone };
      return inCompanyTransaction(company.id, event, async (tx) => {
        const results: string[] = [];
        for (const r of refunds) {
          if (r.status === "failed" || r.status === "canceled") continue;
          results.push(await refundRecorded(tx, ctx, { refundId: r.id, paymentIntentId: id(r.payment_intent) ?? id(charge.payment_intent), amountPence: r.amount, reason: r.reason, eventId: event.id }, early));
        }
        return results.includes("refund-recorded") ? "refund-recorded" : results[0] ?? "no-refunds";
      });
    }
    case "account.updated": {
      const account = event.data.object;
      return inCompanyTransaction(company.id, event, async (tx) => ((await applyAccountUpdated(tx, reqCtx, company.id, account)) ? "account-updated" : "account-unchanged"));
    }
    default:
      return inCompanyTransaction(company.id, event, async () => "ignored");
  }
}
