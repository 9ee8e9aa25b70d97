/**
 * Card money that no longer fits its invoice. Stripe can take a payment for an invoice that was
 * voided, or paid in full by other means, after the client opened Checkout. That money must not
 * be applied (it would overpay or revive a void invoice) nor lost: the Stripe webhook records it
 * here (one row per payment intent, in the event's transaction), the office is emailed (ADMIN and
 * OFFICE members, through the outbox) and sees a banner on the invoices list, and on the list page
 * marks each one REFUNDED (through Stripe when the company is connected, else a manual refund
 * with a note) or RESOLVED with a note. Every change is audited; everything is tenant-scoped.
 */
import type { UnappliedPayment } from "@/generated/prisma/client.ts";
import { stripe, stripeConfigured } from "@/modules/stripe/stripe-client.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { env } from "@/server/config/env.ts";
import { queueEmail } from "@/server/email/queue-email.ts";
import { AppError, conflict, notFound, validationFailed } from "@/server/errors/errors.ts";
import { pageArgs, pageOf } from "@/server/http/pagination.ts";
import { formatMoney } from "@/ui/format.ts";
import { auditBilling, type BillingContext } from "./billing-context.ts";
import type { ListUnappliedQuery, ResolveUnappliedInput, UnappliedPaymentOutput } from "./invoices.schema.ts";

export type UnappliedCardPayment = {
  invoiceId: string;
  amountPence: number;
  paymentIntentId: string;
  checkoutSessionId: string | null;
  /** The Stripe event it came in (null: found when the client returned from Checkout). */
  eventId: string | null;
  /** Why it couldn't be applied, e.g. "This invoice is void and can't take payments." */
  reason: string;
};

/**
 * Records card money the webhook couldn't apply, inside the event's transaction: the row (once per
 * payment intent: a second event for the same intent changes nothing), an audit event and an email
 * to the office. Returns whether a new row was made.
 */
export async function recordUnappliedPayment(tx: TenantTx, ctx: BillingContext, p: UnappliedCardPayment): Promise<boolean> {
  const existing = await tx.unappliedPayment.findFirst({ where: { stripePaymentIntentId: p.paymentIntentId } });
  if (existing) return false;
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: p.invoiceId }, select: { id: true, number: true, status: true, client: { select: { name: true } } } });
  const row = await tx.unappliedPayment.create({
    data: {
      companyId: ctx.companyId,
      invoiceId: p.invoiceId,
      amountPence: p.amountPence,
      stripePaymentIntentId: p.paymentIntentId,
      stripeCheckoutId: p.checkoutSessionId,
      stripeEventId: p.eventId,
      reason: p.reason,
    },
  });
  await auditBilling(tx, ctx, {
    entityType: "UnappliedPayment",
    entityId: row.id,
    action: "payment.unapplied_recorded",
    after: { invoiceId: p.invoiceId, invoiceNumber: invoice.number, invoiceStatus: invoice.status, amountPence: p.amountPence, paymentIntent: p.paymentIntentId, reason: p.reason },
    metadata: p.eventId ? { stripeEventId: p.eventId } : { via: "checkout-return" },
  });
  const staff = await tx.companyMembership.findMany({ where: { status: "ACTIVE", role: { in: ["ADMIN", "OFFICE"] } }, select: { userId: true, user: { select: { email: true } } } });
  if (staff.length) {
    await queueEmail(tx, {
      companyId: ctx.companyId,
      to: staff.map((s) => s.user.email),
      recipientUserIds: staff.map((s) => s.userId),
      template: "payment.unapplied.office",
      props: {
        amount: formatMoney(p.amountPence),
        invoiceNumber: invoice.number ?? "a draft invoice",
        clientName: invoice.client.name,
        reason: p.reason,
        adminUrl: `${env().APP_URL}/admin/invoices/unapplied`,
      },
      category: "invoices",
      idempotencyKey: `payment-unapplied:${row.id}`,
      entityType: "Invoice",
      entityId: p.invoiceId,
    });
  }
  return true;
}

/**
 * A Stripe refund event for a payment intent that was never applied to an invoice: if it is
 * unapplied money, the refund is noted on it (an OPEN one refunded in the Stripe dashboard becomes
 * REFUNDED) and true is returned, so the webhook acknowledges it instead of waiting for a Payment
 * that will never exist.
 */
export async function noteUnappliedRefund(tx: TenantTx, ctx: BillingContext, r: { paymentIntentId: string; refundId: string; amountPence: number; eventId: string }): Promise<boolean> {
  const row = await tx.unappliedPayment.findFirst({ where: { stripePaymentIntentId: r.paymentIntentId } });
  if (!row) return false;
  if (row.status === "OPEN") {
    const moved = await tx.unappliedPayment.updateMany({
      where: { id: row.id, status: "OPEN" },
      data: { status: "REFUNDED", stripeRefundId: r.refundId, resolvedAt: new Date(), resolutionNote: "Refunded in Stripe" },
    });
    if (moved.count === 1) {
      await auditBilling(tx, ctx, {
        entityType: "UnappliedPayment",
        entityId: row.id,
        action: "payment.unapplied_refunded",
        before: { status: "OPEN" },
        after: { status: "REFUNDED", stripeRefundId: r.refundId, amountPence: r.amountPence, via: "stripe-dashboard" },
        metadata: { stripeEventId: r.eventId },
      });
    }
  }
  return true;
}

type Row = UnappliedPayment & { invoice: { number: string | null; status: string; client: { name: string } } };

function outputOf(r: Row): UnappliedPaymentOutput {
  return {
    id: r.id,
    invoiceId: r.invoiceId,
    invoiceNumber: r.invoice.number,
    invoiceStatus: r.invoice.status as UnappliedPaymentOutput["invoiceStatus"],
    clientName: r.invoice.client.name,
    amountPence: r.amountPence,
    reason: r.reason,
    status: r.status,
    stripePaymentIntentId: r.stripePaymentIntentId,
    stripeRefundId: r.stripeRefundId,
    resolvedById: r.resolvedById,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolutionNote: r.resolutionNote,
    createdAt: r.createdAt.toISOString(),
  };
}

const include = { invoice: { select: { number: true, status: true, client: { select: { name: true } } } } } as const;

export async function listUnappliedPayments(ctx: TenantContext, q: ListUnappliedQuery) {
  assertCan(ctx, "invoices.view");
  const { where, ...args } = pageArgs(q);
  const rows = await ctx.db.unappliedPayment.findMany({ ...args, where: { ...where, ...(q.status ? { status: q.status } : {}) }, include });
  const page = pageOf(rows, q.limit);
  return { items: page.items.map(outputOf), nextCursor: page.nextCursor };
}

/** Card money that arrived for this invoice and couldn't be applied to it (shown on the invoice's page). */
export async function listUnappliedForInvoice(ctx: TenantContext, invoiceId: string): Promise<UnappliedPaymentOutput[]> {
  assertCan(ctx, "invoices.view");
  const rows = await ctx.db.unappliedPayment.findMany({ where: { invoiceId }, orderBy: { createdAt: "asc" }, include });
  return rows.map(outputOf);
}

/** How many are still OPEN: the banner on the invoices list. */
export async function countOpenUnapplied(ctx: TenantContext): Promise<{ count: number; amountPence: number }> {
  assertCan(ctx, "invoices.view");
  const agg = await ctx.db.unappliedPayment.aggregate({ where: { status: "OPEN" }, _count: { _all: true }, _sum: { amountPence: true } });
  return { count: agg._count._all, amountPence: agg._sum.amountPence ?? 0 };
}

/** Whether "refund" goes through Stripe (the company is connected) rather than being noted as a manual refund. */
export async function refundsGoThroughStripe(ctx: TenantContext): Promise<boolean> {
  const company = await ctx.db.company.findFirstOrThrow({ where: { id: ctx.companyId }, select: { stripeAccountId: true } });
  return !!company.stripeAccountId && stripeConfigured();
}

/**
 * Closes one: "refund" gives the money back (through Stripe on the company's connected account,
 * idempotent per row, when it is connected; otherwise the note says how it was refunded by hand),
 * "resolve" records what was done instead (e.g. applied to another invoice by hand). Only OPEN
 * rows can be closed (409 otherwise); a concurrent close loses cleanly.
 */
export async function resolveUnappliedPayment(ctx: TenantContext, id: string, input: ResolveUnappliedInput): Promise<UnappliedPaymentOutput> {
  assertCan(ctx, "payments.manage");
  const row = await ctx.db.unappliedPayment.findFirst({ where: { id } });
  if (!row) throw notFound();
  if (row.status !== "OPEN") throw conflict(`This payment is already ${row.status === "REFUNDED" ? "refunded" : "resolved"}.`);
  const company = await ctx.db.company.findFirstOrThrow({ where: { id: ctx.companyId }, select: { stripeAccountId: true } });
  const viaStripe = input.action === "refund" && (await refundsGoThroughStripe(ctx));
  const note = input.note?.trim() || null;
  if (!viaStripe && !note) {
    throw validationFailed(input.action === "refund" ? "Say how the money was refunded (card payments aren't connected, so refund it by hand)." : "Say how it was resolved.", { note: "Required" });
  }
  let stripeRefundId: string | null = null;
  if (viaStripe) {
    try {
      const refund = await stripe().refunds.create(
        { payment_intent: row.stripePaymentIntentId, amount: row.amountPence, metadata: { companyId: ctx.companyId, unappliedPaymentId: row.id } },
        { stripeAccount: company.stripeAccountId!, idempotencyKey: `unapplied-refund:${row.id}` },
      );
      stripeRefundId = refund.id;
    } catch (err) {
      throw new AppError("UNAVAILABLE", "Stripe didn't take the refund: try again, or refund it in your Stripe dashboard.", { cause: err });
    }
  }
  const status = input.action === "refund" ? "REFUNDED" : "RESOLVED";
  const now = new Date();
  await ctx.db.$transaction(async (tx) => {
    // The refund's own webhook may have marked it REFUNDED already ("Refunded in Stripe"): that is us.
    const moved = await tx.unappliedPayment.updateMany({
      where: { id, OR: [{ status: "OPEN" }, ...(stripeRefundId ? [{ status: "REFUNDED" as const, stripeRefundId }] : [])] },
      data: { status, stripeRefundId: stripeRefundId ?? row.stripeRefundId, resolvedById: ctx.user?.id ?? null, resolvedAt: now, resolutionNote: note ?? (viaStripe ? "Refunded through Stripe" : null) },
    });
    if (moved.count !== 1) throw conflict("Someone else closed this payment meanwhile.");
    await auditBilling(tx, ctx, {
      entityType: "UnappliedPayment",
      entityId: id,
      action: input.action === "refund" ? "payment.unapplied_refunded" : "payment.unapplied_resolved",
      before: { status: "OPEN" },
      after: { status, amountPence: row.amountPence, invoiceId: row.invoiceId, note, stripeRefundId, via: viaStripe ? "stripe" : input.action === "refund" ? "manual" : null },
    });
  });
  const out = await ctx.db.unappliedPayment.findFirstOrThrow({ where: { id }, include });
  return outputOf(out);
}
