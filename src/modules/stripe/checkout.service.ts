/**
 * "Pay by card" from an invoice link: a Stripe Checkout Session on the company's connected
 * account for the balance (or a part, when the company allows part payments). One session per
 * invoice + amount (Stripe idempotency key; an open one is reused), stored in
 * StripeCheckoutSession. The session and its payment intent carry companyId + invoiceId in their
 * metadata: the webhook finds the invoice by them.
 */
import { balanceDuePence } from "@/modules/invoices/invoice-money.ts";
import { auditLinkVisitor } from "@/server/audit/audit.ts";
import { sha256 } from "@/server/auth/tokens.ts";
import { env } from "@/server/config/env.ts";
import type { RequestContext } from "@/server/context.ts";
import { tenantDb } from "@/server/db/tenancy.ts";
import { conflict, notFound, unavailable, validationFailed } from "@/server/errors/errors.ts";
import { logger } from "@/server/logging/logger.ts";
import { formatMoney } from "@/ui/format.ts";
import { unsafeFindInvoiceLinkByTokenHash } from "./checkout.repo.ts";
import type { StartCheckoutInput } from "./checkout.schema.ts";
import { stripe, stripeConfigured } from "./stripe-client.ts";
import { applyPaidCheckoutSession } from "./webhook.service.ts";

export const INVOICE_LINK_GONE = "This invoice link is no longer valid.";
/** Stripe's smallest card charge in GBP is 30p; we ask for at least £1 unless less is owed. */
const MIN_PART_PAYMENT_PENCE = 100;
const SESSION_MINUTES = 60;

async function resolveLink(token: string) {
  const link = /^[A-Za-z0-9_-]{43}$/.test(token) ? await unsafeFindInvoiceLinkByTokenHash(sha256(token)) : null;
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= new Date())) return null;
  return link;
}

export type CardPaymentOption = { available: false } | { available: true; balancePence: number; allowPartPayments: boolean; minPartPence: number };

/** Whether the link's invoice can be paid by card now (the "Pay by card" component shows itself only then). */
export async function cardPaymentOption(token: string): Promise<CardPaymentOption> {
  if (!stripeConfigured()) return { available: false };
  const link = await resolveLink(token);
  if (!link) return { available: false };
  const db = tenantDb(link.companyId);
  const [invoice, company] = await Promise.all([
    db.invoice.findUnique({ where: { id: link.invoiceId } }),
    db.company.findUnique({ where: { id: link.companyId }, select: { stripeAccountId: true, stripeChargesEnabled: true, allowPartPayments: true, status: true } }),
  ]);
  if (!invoice || !company || company.status === "SUSPENDED" || !company.stripeAccountId || !company.stripeChargesEnabled) return { available: false };
  if (invoice.status !== "ISSUED" && invoice.status !== "PART_PAID") return { available: false };
  const balance = balanceDuePence(invoice);
  if (balance <= 0) return { available: false };
  return { available: true, balancePence: balance, allowPartPayments: company.allowPartPayments, minPartPence: Math.min(MIN_PART_PAYMENT_PENCE, balance) };
}

export async function startCheckoutForLink(ctx: RequestContext, token: string, input: StartCheckoutInput): Promise<{ url: string; amountPence: number }> {
  const link = await resolveLink(token);
  if (!link) throw notFound(INVOICE_LINK_GONE);
  const db = tenantDb(link.companyId);
  const [invoice, company] = await Promise.all([
    db.invoice.findUnique({ where: { id: link.invoiceId }, include: { client: { select: { email: true } } } }),
    db.company.findUnique({ where: { id: link.companyId } }),
  ]);
  if (!invoice || !company || company.status === "SUSPENDED" || invoice.status === "DRAFT") throw notFound(INVOICE_LINK_GONE);
  if (!stripeConfigured() || !company.stripeAccountId || !company.stripeChargesEnabled) throw conflict("Card payment isn't available for this invoice. Pay by bank transfer using the details on the invoice.");
  if (invoice.status === "VOID") throw conflict("This invoice has been cancelled and can't be paid.");
  const balance = balanceDuePence(invoice);
  if (balance <= 0) throw conflict("This invoice is already paid. Thank you!");
  const amount = input.amountPence ?? balance;
  if (amount !== balance) {
    if (!company.allowPartPayments) throw validationFailed("Pay the full balance by card.", { amountPence: `Pay the full balance of ${formatMoney(balance)}` });
    if (amount > balance) throw validationFailed(`That's more than the ${formatMoney(balance)} outstanding.`, { amountPence: `At most ${formatMoney(balance)}` });
    const min = Math.min(MIN_PART_PAYMENT_PENCE, balance);
    if (amount < min) throw validationFailed(`Pay at least ${formatMoney(min)}.`, { amountPence: `At least ${formatMoney(min)}` });
  }

  // An open session for the same amount is reused (a second click, a back button).
  const open = await db.stripeCheckoutSession.findFirst({
    where: { invoiceId: invoice.id, amountPence: amount, status: "open", expiresAt: { gt: new Date(Date.now() + 5 * 60_000) } },
    orderBy: { createdAt: "desc" },
  });
  if (open) return { url: open.url, amountPence: amount };
  // Per invoice + amount; a new generation once earlier sessions for it have expired or completed.
  const generation = await db.stripeCheckoutSession.count({ where: { invoiceId: invoice.id, amountPence: amount } });
  const idempotencyKey = `checkout:${invoice.id}:${amount}:${generation}`;

  const base = env().APP_URL;
  const metadata = { companyId: company.id, invoiceId: invoice.id, invoiceNumber: invoice.number ?? "" };
  let session;
  try {
    session = await stripe().checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: "gbp",
              unit_amount: amount,
              product_data: { name: `Invoice ${invoice.number ?? ""}${amount !== balance ? " (part payment)" : ""}`.trim(), description: invoice.title.slice(0, 200) },
            },
          },
        ],
        metadata,
        payment_intent_data: { metadata, description: `${company.name} invoice ${invoice.number ?? ""}` },
        client_reference_id: invoice.id,
        ...(invoice.client.email ? { customer_email: invoice.client.email } : {}),
        success_url: `${base}/i/${token}/paid?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${base}/i/${token}/cancelled`,
        expires_at: Math.floor(Date.now() / 1000) + SESSION_MINUTES * 60,
      },
      { stripeAccount: company.stripeAccountId, idempotencyKey },
    );
  } catch (err) {
    throw unavailable("Card payment is temporarily unavailable. Try again in a moment, or pay by bank transfer.", err);
  }
  if (!session.url) throw unavailable("Card payment is temporarily unavailable. Try again in a moment.");
  // Two clicks at once reach Stripe with the same idempotency key and get the same session: store it once.
  await db.$transaction(async (tx) => {
    const exists = await tx.stripeCheckoutSession.findUnique({ where: { stripeSessionId: session.id } });
    if (exists) return;
    await tx.stripeCheckoutSession.create({
      data: {
        companyId: company.id,
        invoiceId: invoice.id,
        stripeSessionId: session.id,
        stripeAccountId: company.stripeAccountId!,
        amountPence: amount,
        url: session.url!,
        status: session.status ?? "open",
        expiresAt: session.expires_at ? new Date(session.expires_at * 1000) : null,
      },
    });
    await auditLinkVisitor(tx, ctx, company.id, { entityType: "Invoice", entityId: invoice.id, action: "invoice.checkout_started", after: { amountPence: amount, checkoutSession: session.id } });
  }).catch((err: unknown) => {
    if ((err as { code?: string }).code !== "P2002") throw err;
  });
  return { url: session.url, amountPence: amount };
}

export type CheckoutReturn = { companyName: string; brandColor: string; invoiceNumber: string | null; paid: boolean; balancePence: number; amountPence: number | null } | null;

/**
 * The success page: what the link's invoice looks like now, and whether this session's payment is
 * recorded. When the webhook hasn't recorded it yet, the session (one of ours, for this link's
 * invoice) is read back from Stripe on the company's account and, if paid, applied through the
 * webhook's idempotent path: the client sees "paid" at once and the later webhook changes nothing.
 * Stripe being unreachable only leaves the page saying the payment is being confirmed.
 */
export async function checkoutReturnView(ctx: RequestContext, token: string, sessionId: string | null): Promise<CheckoutReturn> {
  const link = await resolveLink(token);
  if (!link) return null;
  const db = tenantDb(link.companyId);
  const [loadedInvoice, company, session] = await Promise.all([
    db.invoice.findUnique({ where: { id: link.invoiceId } }),
    db.company.findUnique({ where: { id: link.companyId }, select: { name: true, brandPrimaryColor: true, status: true, timeZone: true } }),
    sessionId ? db.stripeCheckoutSession.findFirst({ where: { stripeSessionId: sessionId, invoiceId: link.invoiceId } }) : null,
  ]);
  if (!loadedInvoice || !company || company.status === "SUSPENDED") return null;
  let invoice = loadedInvoice;
  const findPayment = () => (session ? db.payment.findFirst({ where: { invoiceId: link.invoiceId, stripeCheckoutId: session.stripeSessionId } }) : null);
  let payment = await findPayment();
  if (session && !payment && session.status !== "expired" && stripeConfigured()) {
    try {
      const live = await stripe().checkout.sessions.retrieve(session.stripeSessionId, {}, { stripeAccount: session.stripeAccountId });
      if (live.payment_status === "paid") {
        const outcome = await applyPaidCheckoutSession(ctx, { id: link.companyId, timeZone: company.timeZone }, link.invoiceId, live);
        logger.info({ invoiceId: link.invoiceId, checkoutSession: session.stripeSessionId, outcome }, "card payment confirmed on the success page");
        const [fresh, recorded] = await Promise.all([db.invoice.findUnique({ where: { id: link.invoiceId } }), findPayment()]);
        if (fresh) invoice = fresh;
        payment = recorded;
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message, invoiceId: link.invoiceId }, "checkout session not confirmed on return: waiting for the webhook");
    }
  }
  return {
    companyName: company.name,
    brandColor: company.brandPrimaryColor,
    invoiceNumber: invoice.number,
    paid: !!payment || session?.status === "complete",
    balancePence: Math.max(0, balanceDuePence(invoice)),
    amountPence: session?.amountPence ?? null,
  };
}

/** The cancel page: the company's name and colour for the link. */
export async function linkBranding(token: string) {
  const link = await resolveLink(token);
  if (!link) return null;
  const company = await tenantDb(link.companyId).company.findUnique({ where: { id: link.companyId }, select: { name: true, brandPrimaryColor: true, phone: true, email: true, status: true } });
  return company && company.status !== "SUSPENDED" ? company : null;
}
