/**
 * Card money that no longer fits its invoice (voided or paid in full meanwhile): the signed
 * webhook records it as unapplied money (once per payment intent), emails the office through the
 * outbox and leaves the invoice unchanged; the office lists it and refunds (through Stripe when
 * connected, else a manual refund with a note) or resolves it, audited and tenant-scoped.
 */
import { afterAll, describe, expect, it } from "vitest";
import { listUnappliedForInvoice } from "@/modules/invoices/unapplied-payments.service.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { fakeStripeWithWebhooks } from "../support/stripe-webhooks.ts";
import { call } from "../support/http.ts";
import { createSession, createUser, tenantWithAdmin } from "../support/factories.ts";
import { createBillingClient, invoiceToken, issuedInvoice } from "../support/billing.ts";

const stripe = await fakeStripeWithWebhooks();
const { fake } = stripe;
const checkoutRoute = await import("../../app/api/public/invoices/[token]/checkout/route.ts");
const listRoute = await import("../../app/api/admin/payments/unapplied/route.ts");
const resolveRoute = await import("../../app/api/admin/payments/unapplied/[id]/resolve/route.ts");
const paymentsRoute = await import("../../app/api/admin/invoices/[id]/payments/route.ts");
const voidRoute = await import("../../app/api/admin/invoices/[id]/void/route.ts");
afterAll(() => stripe.close());

const origin = { origin: "http://localhost:3000" };
const db = unsafeUnscopedDb();

/** A connected company with an issued £120 invoice, a session for its admin, and a completed (undelivered) Checkout for it. */
async function paidAtStripe() {
  const t = await tenantWithAdmin();
  const accountId = fake.createReadyAccount();
  await db.company.update({ where: { id: t.company.id }, data: { stripeAccountId: accountId, stripeChargesEnabled: true, stripeDetailsSubmitted: true } });
  const client = await createBillingClient(t.company.id);
  const invoice = await issuedInvoice(t.ctx, client.id, 10_000);
  const link = await invoiceToken(t.ctx, invoice.id);
  const co = await call(checkoutRoute.POST, { path: `/api/public/invoices/${link}/checkout`, params: { token: link }, body: {}, headers: origin });
  expect(co.status).toBe(200);
  const done = fake.completeCheckout(String(co.json.url).split("/").pop()!);
  const token = await createSession(t.user.id, t.company.id);
  return { ...t, accountId, invoice, done, token, paymentIntentId: String(done.paymentIntent.id) };
}

describe("card money for a voided invoice", () => {
  it("becomes one OPEN unapplied payment with an email to the office; the invoice is unchanged", async () => {
    const t = await paidAtStripe();
    const office = await createUser({ companyId: t.company.id, role: "OFFICE" });
    await createUser({ companyId: t.company.id, role: "ENGINEER" });
    const voided = await call(voidRoute.POST, { token: t.token, headers: origin, params: { id: t.invoice.id }, body: { reason: "Raised against the wrong client" } });
    expect(voided.status).toBe(200);
    const before = await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } });

    for (const e of [...t.done.events, t.done.events[0]!]) expect((await fake.deliver(e)).status).toBe(200);

    const rows = await db.unappliedPayment.findMany({ where: { companyId: t.company.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ invoiceId: t.invoice.id, amountPence: 12_000, stripePaymentIntentId: t.paymentIntentId, status: "OPEN", reason: "This invoice is void and can't take payments." });
    const after = await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } });
    expect(after).toMatchObject({ status: "VOID", paidPence: before.paidPence, creditedPence: before.creditedPence, updatedAt: before.updatedAt });
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(0);

    const mail = await db.outboxMessage.findMany({ where: { companyId: t.company.id, idempotencyKey: `email:payment-unapplied:${rows[0]!.id}` } });
    expect(mail).toHaveLength(1);
    const payload = mail[0]!.payload as { template: string; to: string[]; props: { amount: string; invoiceNumber: string } };
    expect(payload.template).toBe("payment.unapplied.office");
    expect(payload.to.sort()).toEqual([t.user.email, office.email].sort());
    expect(payload.props).toMatchObject({ amount: "£120.00", invoiceNumber: t.invoice.number });
    expect(await db.auditEvent.count({ where: { companyId: t.company.id, entityId: rows[0]!.id, action: "payment.unapplied_recorded" } })).toBe(1);

    const list = await call(listRoute.GET, { token: t.token, path: "/api/admin/payments/unapplied" });
    expect(list.status).toBe(200);
    expect(list.json.items).toMatchObject([{ id: rows[0]!.id, invoiceNumber: t.invoice.number, invoiceStatus: "VOID", amountPence: 12_000, status: "OPEN" }]);
    // The invoice's page lists it too; another invoice's page doesn't.
    expect(await listUnappliedForInvoice(t.ctx, t.invoice.id)).toMatchObject([{ id: rows[0]!.id, amountPence: 12_000, status: "OPEN" }]);
    expect(await listUnappliedForInvoice(t.ctx, crypto.randomUUID())).toEqual([]);
  });

  it("refund goes through Stripe on the company's account; the refund's own webhook is acknowledged, not retried", async () => {
    const t = await paidAtStripe();
    await call(voidRoute.POST, { token: t.token, headers: origin, params: { id: t.invoice.id }, body: { reason: "Cancelled job" } });
    await fake.deliver(t.done.events[0]!);
    const row = await db.unappliedPayment.findFirstOrThrow({ where: { companyId: t.company.id } });
    const res = await call(resolveRoute.POST, { token: t.token, headers: origin, params: { id: row.id }, body: { action: "refund" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "REFUNDED", resolvedById: t.user.id, resolutionNote: "Refunded through Stripe" });
    const refund = [...fake.refunds.values()].find((r) => r.payment_intent === t.paymentIntentId)!;
    expect(refund).toMatchObject({ amount: 12_000, _account: t.accountId });
    expect(res.json.stripeRefundId).toBe(refund.id);
    const req = fake.requests.find((r) => r.path === "/v1/refunds")!;
    expect(req).toMatchObject({ account: t.accountId, idempotencyKey: `unapplied-refund:${row.id}` });
    // Stripe then tells us about the refund: acknowledged (200), nothing applied, nothing changes.
    const { _account, ...refundObject } = refund;
    expect(_account).toBe(t.accountId);
    const d = await fake.deliver(fake.event("refund.created", t.accountId, refundObject));
    expect(d.status).toBe(200);
    expect(await db.unappliedPayment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "REFUNDED", stripeRefundId: refund.id });
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(0);
    const again = await call(resolveRoute.POST, { token: t.token, headers: origin, params: { id: row.id }, body: { action: "resolve", note: "again" } });
    expect(again.status).toBe(409);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { companyId: t.company.id, entityId: row.id, action: "payment.unapplied_refunded" } });
    expect(audit).toMatchObject({ actorId: t.user.id });
    expect(audit.after).toMatchObject({ status: "REFUNDED", via: "stripe", amountPence: 12_000 });
  });
});

describe("a refund made in the Stripe dashboard", () => {
  it("marks OPEN unapplied money REFUNDED from the refund's webhook, audited", async () => {
    const t = await paidAtStripe();
    await call(voidRoute.POST, { token: t.token, headers: origin, params: { id: t.invoice.id }, body: { reason: "Cancelled job" } });
    await fake.deliver(t.done.events[0]!);
    const row = await db.unappliedPayment.findFirstOrThrow({ where: { companyId: t.company.id } });
    const dashboard = fake.refund(t.accountId, t.paymentIntentId);
    for (const e of dashboard.events) expect((await fake.deliver(e)).status).toBe(200);
    expect(await db.unappliedPayment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "REFUNDED", stripeRefundId: dashboard.refund.id, resolutionNote: "Refunded in Stripe", resolvedById: null });
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "payment.unapplied_refunded" } })).toBe(1);
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(0);
  });
});

describe("card money for an invoice already paid by transfer", () => {
  it("is unapplied too; resolve needs a note and is audited; without Stripe, refund is a manual refund with a note", async () => {
    const t = await paidAtStripe();
    const pay = await call(paymentsRoute.POST, { token: t.token, headers: origin, params: { id: t.invoice.id }, body: { method: "BANK_TRANSFER", amountPence: 12_000, receivedOn: "2026-11-21", reference: "BACS" } });
    expect(pay.status).toBe(201);
    await fake.deliver(t.done.events[1]!);
    const row = await db.unappliedPayment.findFirstOrThrow({ where: { companyId: t.company.id } });
    expect(row.reason).toMatch(/more than the £0.00 outstanding/);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } })).toMatchObject({ status: "PAID", paidPence: 12_000 });

    const noNote = await call(resolveRoute.POST, { token: t.token, headers: origin, params: { id: row.id }, body: { action: "resolve" } });
    expect(noNote.status).toBe(422);
    expect(noNote.json.error.fields).toMatchObject({ note: "Required" });
    const ok = await call(resolveRoute.POST, { token: t.token, headers: origin, params: { id: row.id }, body: { action: "resolve", note: "Client asked us to keep it against next month's service" } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ status: "RESOLVED", resolutionNote: "Client asked us to keep it against next month's service", stripeRefundId: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { companyId: t.company.id, entityId: row.id, action: "payment.unapplied_resolved" } });
    expect(audit).toMatchObject({ actorId: t.user.id });
    expect(audit.before).toMatchObject({ status: "OPEN" });
    expect(audit.after).toMatchObject({ status: "RESOLVED", note: "Client asked us to keep it against next month's service" });
    expect(fake.requests.filter((r) => r.path === "/v1/refunds" && r.account === t.accountId)).toHaveLength(0);

    // The company disconnects Stripe: a refund is then recorded as a manual one, and needs a note.
    const t2 = await paidAtStripe();
    await call(voidRoute.POST, { token: t2.token, headers: origin, params: { id: t2.invoice.id }, body: { reason: "Duplicate" } });
    await fake.deliver(t2.done.events[0]!);
    await db.company.update({ where: { id: t2.company.id }, data: { stripeAccountId: null } });
    const row2 = await db.unappliedPayment.findFirstOrThrow({ where: { companyId: t2.company.id } });
    expect((await call(resolveRoute.POST, { token: t2.token, headers: origin, params: { id: row2.id }, body: { action: "refund" } })).status).toBe(422);
    const manual = await call(resolveRoute.POST, { token: t2.token, headers: origin, params: { id: row2.id }, body: { action: "refund", note: "Refunded by bank transfer, ref R-1" } });
    expect(manual.json).toMatchObject({ status: "REFUNDED", stripeRefundId: null, resolutionNote: "Refunded by bank transfer, ref R-1" });
    expect((await db.auditEvent.findFirstOrThrow({ where: { entityId: row2.id, action: "payment.unapplied_refunded" } })).after).toMatchObject({ via: "manual" });
  });
});

describe("tenancy and permissions", () => {
  it("another company gets 404 on resolve and sees none in its list; an engineer is refused", async () => {
    const t = await paidAtStripe();
    await call(voidRoute.POST, { token: t.token, headers: origin, params: { id: t.invoice.id }, body: { reason: "Cancelled job" } });
    await fake.deliver(t.done.events[0]!);
    const row = await db.unappliedPayment.findFirstOrThrow({ where: { companyId: t.company.id } });

    const other = await tenantWithAdmin();
    const otherToken = await createSession(other.user.id, other.company.id);
    const cross = await call(resolveRoute.POST, { token: otherToken, headers: origin, params: { id: row.id }, body: { action: "resolve", note: "Not mine" } });
    expect(cross.status).toBe(404);
    expect((await call(listRoute.GET, { token: otherToken, path: "/api/admin/payments/unapplied" })).json.items).toEqual([]);

    const engineer = await createUser({ companyId: t.company.id, role: "ENGINEER" });
    const engineerToken = await createSession(engineer.id, t.company.id);
    expect((await call(listRoute.GET, { token: engineerToken, path: "/api/admin/payments/unapplied" })).status).toBe(403);
    expect((await call(resolveRoute.POST, { token: engineerToken, headers: origin, params: { id: row.id }, body: { action: "resolve", note: "x" } })).status).toBe(403);
    expect(await db.unappliedPayment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "OPEN" });
  });
});
