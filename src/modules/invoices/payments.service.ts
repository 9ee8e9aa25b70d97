/**
 * Payments against invoices: manual ones recorded by the office, card ones applied by the Stripe
 * webhook (engineer C) through the same two functions, `applyPayment` and `applyRefund`. Both run
 * inside the caller's transaction and lock the invoice row first (SELECT … FOR UPDATE), so two
 * payments at once can never overpay, and paidPence/status are always the sum of what happened.
 */
import type { Payment } from "@/generated/prisma/client.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { AppError, notFound, validationFailed } from "@/server/errors/errors.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { formatMoney } from "@/ui/format.ts";
import { auditBilling, type BillingContext } from "./billing-context.ts";
import { balanceDuePence, overpaymentMessage } from "./invoice-money.ts";
import { settledStatus } from "./invoice-status.ts";
import { findPayment, findPayments, lockInvoice } from "./invoices.repo.ts";
import type { ListPaymentsQuery, PaymentOutput, RecordPaymentInput, RecordRefundInput } from "./invoices.schema.ts";

/** 409: the payment (or refund) is more than what is outstanding. `outstandingPence` says how much would fit. */
export class OverpaymentError extends AppError {
  constructor(
    readonly amountPence: number,
    readonly outstandingPence: number,
    message = overpaymentMessage(amountPence, outstandingPence),
  ) {
    super("CONFLICT", message, { fields: { amountPence: message } });
    this.name = "OverpaymentError";
  }
}

/** 409: the invoice can't take payments in its state (draft or void). */
export class InvoiceNotPayableError extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
    this.name = "InvoiceNotPayableError";
  }
}

export type ApplyPaymentInput = {
  invoiceId: string;
  method: "CARD" | "BANK_TRANSFER" | "CASH" | "CHEQUE" | "OTHER";
  amountPence: number;
  /** CIS withheld by the contractor on this payment; counts toward settling the invoice. */
  cisDeductionPence?: number;
  /** The date the money arrived: "YYYY-MM-DD" or a Date. */
  receivedOn: string | Date;
  reference?: string | null;
  stripePaymentIntentId?: string | null;
  stripeCheckoutId?: string | null;
};

function day(d: string | Date): Date {
  return typeof d === "string" ? new Date(`${d}T00:00:00Z`) : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

async function lockedInvoice(tx: TenantTx, ctx: BillingContext, invoiceId: string) {
  if (!(await lockInvoice(tx, ctx.companyId, invoiceId))) throw notFound();
  return tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
}

/**
 * Records money received against an invoice, inside the caller's transaction. Refuses a draft or
 * void invoice and anything more than the balance (OverpaymentError, 409). A repeated
 * stripePaymentIntentId is a no-op that returns the payment already recorded (`duplicate: true`).
 */
export async function applyPayment(tx: TenantTx, ctx: BillingContext, input: ApplyPaymentInput): Promise<{ payment: Payment; duplicate: boolean }> {
  const cis = input.cisDeductionPence ?? 0;
  if (!Number.isInteger(input.amountPence) || input.amountPence < 0 || !Number.isInteger(cis) || cis < 0 || input.amountPence + cis <= 0) {
    throw validationFailed("Enter the amount received.", { amountPence: "Enter the amount received" });
  }
  if (input.stripePaymentIntentId) {
    const existing = await tx.payment.findFirst({ where: { stripePaymentIntentId: input.stripePaymentIntentId } });
    if (existing) return { payment: existing, duplicate: true };
  }
  const invoice = await lockedInvoice(tx, ctx, input.invoiceId);
  if (input.stripePaymentIntentId) {
    // Checked again under the lock: a concurrent delivery of the same intent waited for us.
    const existing = await tx.payment.findFirst({ where: { stripePaymentIntentId: input.stripePaymentIntentId } });
    if (existing) return { payment: existing, duplicate: true };
  }
  if (invoice.status === "DRAFT") throw new InvoiceNotPayableError("A draft invoice can't take payments: issue it first.");
  if (invoice.status === "VOID") throw new InvoiceNotPayableError("This invoice is void and can't take payments.");
  const outstanding = balanceDuePence(invoice);
  const settles = input.amountPence + cis;
  if (settles > outstanding) {
    throw new OverpaymentError(settles, outstanding);
  }
  const payment = await tx.payment.create({
    data: {
      companyId: ctx.companyId,
      invoiceId: invoice.id,
      method: input.method,
      status: "SUCCEEDED",
      amountPence: input.amountPence,
      cisDeductionPence: cis,
      receivedOn: day(input.receivedOn),
      reference: input.reference ?? null,
      stripePaymentIntentId: input.stripePaymentIntentId ?? null,
      stripeCheckoutId: input.stripeCheckoutId ?? null,
      recordedById: ctx.user?.id ?? null,
    },
  });
  const paidPence = invoice.paidPence + settles;
  const status = settledStatus({ ...invoice, paidPence });
  await tx.invoice.update({
    where: { id: invoice.id },
    data: { paidPence, status, paidAt: status === "PAID" ? (invoice.paidAt ?? new Date()) : null },
  });
  await auditBilling(tx, ctx, {
    entityType: "Invoice",
    entityId: invoice.id,
    action: "invoice.payment_recorded",
    before: { status: invoice.status, paidPence: invoice.paidPence },
    after: { status, paidPence, paymentId: payment.id, method: input.method, amountPence: input.amountPence, cisDeductionPence: cis, reference: input.reference ?? null },
  });
  return { payment, duplicate: false };
}

export type ApplyRefundInput = { paymentId: string; amountPence: number; reason?: string | null; stripeRefundId?: string | null; refundedOn?: string | Date };

/**
 * Records money given back on a payment, inside the caller's transaction: at most what is left of
 * that payment (cash received, not the CIS withheld). The invoice's paidPence goes down and its
 * status moves back (PAID → PART_PAID → ISSUED). A repeated stripeRefundId is a no-op.
 */
export async function applyRefund(tx: TenantTx, ctx: BillingContext, input: ApplyRefundInput) {
  if (!Number.isInteger(input.amountPence) || input.amountPence <= 0) throw validationFailed("Enter the amount refunded.", { amountPence: "Enter the amount refunded" });
  if (input.stripeRefundId) {
    const existing = await tx.paymentRefund.findFirst({ where: { stripeRefundId: input.stripeRefundId } });
    if (existing) return { refund: existing, duplicate: true };
  }
  const found = await tx.payment.findUnique({ where: { id: input.paymentId }, select: { invoiceId: true } });
  if (!found) throw notFound();
  const invoice = await lockedInvoice(tx, ctx, found.invoiceId);
  if (input.stripeRefundId) {
    const existing = await tx.paymentRefund.findFirst({ where: { stripeRefundId: input.stripeRefundId } });
    if (existing) return { refund: existing, duplicate: true };
  }
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId } });
  const refundable = payment.amountPence - payment.refundedPence;
  if (input.amountPence > refundable) {
    throw new OverpaymentError(input.amountPence, refundable, `${formatMoney(input.amountPence)} is more than the ${formatMoney(refundable)} left to refund on this payment`);
  }
  const refund = await tx.paymentRefund.create({
    data: {
      companyId: ctx.companyId,
      paymentId: payment.id,
      amountPence: input.amountPence,
      reason: input.reason ?? null,
      stripeRefundId: input.stripeRefundId ?? null,
      refundedOn: day(input.refundedOn ?? new Date()),
      recordedById: ctx.user?.id ?? null,
    },
  });
  await tx.payment.update({ where: { id: payment.id }, data: { refundedPence: payment.refundedPence + input.amountPence } });
  const paidPence = invoice.paidPence - input.amountPence;
  const status = invoice.status === "VOID" ? "VOID" : settledStatus({ ...invoice, paidPence });
  await tx.invoice.update({ where: { id: invoice.id }, data: { paidPence, status, paidAt: status === "PAID" ? invoice.paidAt : null } });
  await auditBilling(tx, ctx, {
    entityType: "Invoice",
    entityId: invoice.id,
    action: "invoice.refund_recorded",
    before: { status: invoice.status, paidPence: invoice.paidPence },
    after: { status, paidPence, paymentId: payment.id, refundId: refund.id, amountPence: input.amountPence, reason: input.reason ?? null },
  });
  return { refund, duplicate: false };
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function paymentOutputOf(p: NonNullable<Awaited<ReturnType<typeof findPayment>>>): PaymentOutput {
  return {
    id: p.id,
    invoiceId: p.invoiceId,
    invoiceNumber: p.invoice.number,
    method: p.method,
    status: p.status,
    amountPence: p.amountPence,
    cisDeductionPence: p.cisDeductionPence,
    refundedPence: p.refundedPence,
    receivedOn: iso(p.receivedOn),
    reference: p.reference,
    stripePaymentIntentId: p.stripePaymentIntentId,
    createdAt: p.createdAt.toISOString(),
    refunds: p.refunds.map((r) => ({ id: r.id, amountPence: r.amountPence, reason: r.reason, refundedOn: iso(r.refundedOn), createdAt: r.createdAt.toISOString() })),
  };
}

/** The office records a manual payment (bank transfer, cash, cheque, other). */
export async function recordManualPayment(ctx: TenantContext, invoiceId: string, input: RecordPaymentInput): Promise<PaymentOutput> {
  assertCan(ctx, "payments.manage");
  const { payment } = await ctx.db.$transaction((tx) =>
    applyPayment(tx, ctx, { invoiceId, method: input.method, amountPence: input.amountPence, cisDeductionPence: input.cisDeductionPence, receivedOn: input.receivedOn, reference: input.reference ?? null }),
  );
  return getPayment(ctx, payment.id);
}

/** The office records a refund it made on a payment. */
export async function recordRefund(ctx: TenantContext, paymentId: string, input: RecordRefundInput): Promise<PaymentOutput> {
  assertCan(ctx, "payments.manage");
  await ctx.db.$transaction((tx) => applyRefund(tx, ctx, { paymentId, amountPence: input.amountPence, reason: input.reason ?? null, refundedOn: input.refundedOn }));
  return getPayment(ctx, paymentId);
}

export async function listPayments(ctx: TenantContext, q: ListPaymentsQuery) {
  assertCan(ctx, "invoices.view");
  const page = pageOf(await findPayments(ctx.db, q), q.limit);
  return { items: page.items.map(paymentOutputOf), nextCursor: page.nextCursor };
}

export async function getPayment(ctx: TenantContext, id: string): Promise<PaymentOutput> {
  assertCan(ctx, "invoices.view");
  const p = await findPayment(ctx.db, id);
  if (!p) throw notFound();
  return paymentOutputOf(p);
}
