/**
 * Card payments end to end against the local fake Stripe: Connect onboarding, Checkout from the
 * invoice link (idempotent per invoice + amount), and the signed webhook (forged → 400 with
 * nothing stored; replay → 200 with no change; out-of-order and duplicate deliveries → exactly
 * one Payment; refunds; account.updated).
 */
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutReturnView } from "@/modules/stripe/checkout.service.ts";
import { anonymousContext } from "@/server/context.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { fakeStripeWithWebhooks } from "../support/stripe-webhooks.ts";
import { call } from "../support/http.ts";
import { createSession, createUser, tenantWithAdmin } from "../support/factories.ts";
import { createBillingClient, invoiceToken, issuedInvoice } from "../support/billing.ts";

const stripe = await fakeStripeWithWebhooks();
const { fake, webhookRoute } = stripe;
const checkoutRoute = await import("../../app/api/public/invoices/[token]/checkout/route.ts");
const settingsRoute = await import("../../app/api/admin/settings/payments/route.ts");
const connectRoute = await import("../../app/api/admin/settings/payments/connect/route.ts");
const syncRoute = await import("../../app/api/admin/settings/payments/connect/sync/route.ts");
afterAll(() => stripe.close());

const origin = { origin: "http://localhost:3000" };
const db = unsafeUnscopedDb();

async function connectedTenant(opts: { allowPartPayments?: boolean } = {}) {
  const t = await tenantWithAdmin();
  const accountId = fake.createReadyAccount();
  await db.company.update({ where: { id: t.company.id }, data: { stripeAccountId: accountId, stripeChargesEnabled: true, stripeDetailsSubmitted: true, allowPartPayments: opts.allowPartPayments ?? false } });
  const client = await createBillingClient(t.company.id);
  const invoice = await issuedInvoice(t.ctx, client.id, 10_000); // £120.00 gross
  const token = await invoiceToken(t.ctx, invoice.id);
  return { ...t, accountId, client, invoice, token };
}

async function checkout(token: string, body: unknown = {}) {
  return call(checkoutRoute.POST, { path: `/api/public/invoices/${token}/checkout`, params: { token }, body, headers: origin });
}

const sessionIdOf = (url: string) => url.split("/").pop()!;

describe("Connect onboarding", () => {
  let admin: Awaited<ReturnType<typeof tenantWithAdmin>>;
  let token: string;
  beforeAll(async () => {
    admin = await tenantWithAdmin();
    token = await createSession(admin.user.id, admin.company.id);
  });

  it("creates the company's account once and returns Stripe's onboarding link; the return sync stores its status, audited", async () => {
    const first = await call(connectRoute.POST, { token, headers: origin });
    expect(first.status).toBe(200);
    expect(first.json.url).toMatch(new RegExp(`^${fake.url}/hosted/onboarding/`));
    const second = await call(connectRoute.POST, { token, headers: origin });
    expect(second.status).toBe(200);
    const company = await db.company.findUniqueOrThrow({ where: { id: admin.company.id } });
    expect(company.stripeAccountId).toMatch(/^acct_/);
    expect([...fake.accounts.values()].filter((a) => (a.metadata as Record<string, string>).companyId === admin.company.id)).toHaveLength(1);
    expect(company.stripeChargesEnabled).toBe(false);

    // The admin completes onboarding at Stripe; coming back, the page syncs the status.
    fake.completeOnboarding(company.stripeAccountId!);
    const synced = await call(syncRoute.POST, { token, headers: origin });
    expect(synced.status).toBe(200);
    expect(synced.json).toMatchObject({ stripeChargesEnabled: true, stripeDetailsSubmitted: true, stripeConfigured: true });
    const actions = (await db.auditEvent.findMany({ where: { companyId: admin.company.id, entityType: "Company" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["company.stripe_connect_started", "company.stripe_status_updated"]));
  });

  it("account.updated from Stripe flips the company's flags (once)", async () => {
    const t = await tenantWithAdmin();
    const acct = fake.createReadyAccount();
    await db.company.update({ where: { id: t.company.id }, data: { stripeAccountId: acct } });
    const e = fake.event("account.updated", acct, { ...fake.accounts.get(acct)!, charges_enabled: true, details_submitted: true });
    expect((await fake.deliver(e)).status).toBe(200);
    expect(await db.company.findUniqueOrThrow({ where: { id: t.company.id } })).toMatchObject({ stripeChargesEnabled: true, stripeDetailsSubmitted: true });
    expect((await fake.deliver(e)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { companyId: t.company.id, action: "company.stripe_status_updated" } })).toBe(1);
  });

  it("saves payment settings (validated, audited) and only admins may", async () => {
    const bad = await call(settingsRoute.PATCH, { token, headers: origin, body: { reminderCadenceDays: "14, 7" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.reminderCadenceDays).toMatch(/increasing/);
    const ok = await call(settingsRoute.PATCH, {
      token,
      headers: origin,
      body: { allowPartPayments: true, reminderCadenceDays: "5, 10, 30", lateInterestEnabled: true, lateInterestBaseRateBps: 425, lateFeeMediumPence: 7500, vatAccountingBasis: "CASH" },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ allowPartPayments: true, reminderCadenceDays: [5, 10, 30], lateInterestEnabled: true, lateInterestBaseRateBps: 425, lateFeeMediumPence: 7500, vatAccountingBasis: "CASH" });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { companyId: admin.company.id, action: "company.payment_settings_updated" } });
    expect(ev.before).toMatchObject({ allowPartPayments: false, reminderCadenceDays: [7, 14, 21] });

    const office = await createUser({ companyId: admin.company.id, role: "OFFICE" });
    const officeToken = await createSession(office.id, admin.company.id);
    expect((await call(settingsRoute.GET, { token: officeToken })).status).toBe(200);
    expect((await call(settingsRoute.PATCH, { token: officeToken, headers: origin, body: { allowPartPayments: false } })).status).toBe(403);
    expect((await call(connectRoute.POST, { token: officeToken, headers: origin })).status).toBe(403);
    const engineer = await createUser({ companyId: admin.company.id, role: "ENGINEER" });
    expect((await call(settingsRoute.GET, { token: await createSession(engineer.id, admin.company.id) })).status).toBe(403);
  });

  it("each company sees and changes only its own settings", async () => {
    const other = await tenantWithAdmin();
    const otherToken = await createSession(other.user.id, other.company.id);
    await call(settingsRoute.PATCH, { token: otherToken, headers: origin, body: { lateFeeLargePence: 12345 } });
    const mine = await call(settingsRoute.GET, { token });
    expect(mine.json.lateFeeLargePence).toBe(10000);
    expect(mine.json.stripeAccountId).not.toBeNull();
    expect((await call(settingsRoute.GET, { token: otherToken })).json).toMatchObject({ lateFeeLargePence: 12345, stripeAccountId: null });
  });
});

describe("Pay by card", () => {
  it("creates one Checkout Session per invoice + amount on the company's account, with metadata, stored", async () => {
    const t = await connectedTenant();
    const [a, b] = await Promise.all([checkout(t.token), checkout(t.token)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.json).toEqual({ url: expect.stringMatching(/\/hosted\/checkout\/cs_test_/), amountPence: 12_000 });
    expect(b.json.url).toBe(a.json.url);
    const again = await checkout(t.token);
    expect(again.json.url).toBe(a.json.url);
    const sessionId = sessionIdOf(a.json.url);
    const s = fake.sessions.get(sessionId)!;
    expect(s._account).toBe(t.accountId);
    expect(s.amount_total).toBe(12_000);
    expect(s.metadata).toEqual({ companyId: t.company.id, invoiceId: t.invoice.id, invoiceNumber: t.invoice.number });
    expect((s.payment_intent_data as { metadata: unknown }).metadata).toEqual(s.metadata);
    const creates = fake.requests.filter((r) => r.path === "/v1/checkout/sessions" && r.body.client_reference_id === t.invoice.id);
    expect(new Set(creates.map((r) => r.idempotencyKey))).toEqual(new Set([`checkout:${t.invoice.id}:12000:0`]));
    expect(creates.every((r) => r.account === t.accountId)).toBe(true);
    expect(await db.stripeCheckoutSession.findMany({ where: { invoiceId: t.invoice.id }, select: { stripeSessionId: true, amountPence: true, status: true } })).toEqual([
      { stripeSessionId: sessionId, amountPence: 12_000, status: "open" },
    ]);
  });

  it("part payments only when the company allows them, within the balance", async () => {
    const strict = await connectedTenant();
    const refused = await checkout(strict.token, { amountPence: 5000 });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields.amountPence).toMatch(/full balance of £120\.00/);

    const t = await connectedTenant({ allowPartPayments: true });
    expect((await checkout(t.token, { amountPence: 12_001 })).status).toBe(422);
    expect((await checkout(t.token, { amountPence: 50 })).status).toBe(422);
    const part = await checkout(t.token, { amountPence: 5000 });
    expect(part.status).toBe(200);
    expect(part.json.amountPence).toBe(5000);
    const full = await checkout(t.token);
    expect(full.json.url).not.toBe(part.json.url);
  });

  it("is unavailable until the company's Stripe account can take charges, and for bad links", async () => {
    const t = await connectedTenant();
    await db.company.update({ where: { id: t.company.id }, data: { stripeChargesEnabled: false } });
    expect((await checkout(t.token)).status).toBe(409);
    const bogus = "A".repeat(43);
    expect((await checkout(bogus)).status).toBe(404);
  });
});

describe("Stripe webhook", () => {
  it("refuses a forged or missing signature with 400 and stores nothing", async () => {
    const t = await connectedTenant();
    const session = fake.completeCheckout(sessionIdOf((await checkout(t.token)).json.url));
    const forged = await fake.deliver(session.events[0]!, "whsec_not_the_real_secret");
    expect(forged.status).toBe(400);
    const unsigned = await call(webhookRoute.POST, { rawBody: JSON.stringify(session.events[0]), headers: { "content-type": "application/json" } });
    expect(unsigned.status).toBe(400);
    // Signed correctly, but the body was altered after signing.
    const payload = JSON.stringify(session.events[0]);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhookSecret });
    const tampered = await call(webhookRoute.POST, { rawBody: payload.replace('"amount_total":12000', '"amount_total":1'), headers: { "stripe-signature": header } });
    expect(tampered.status).toBe(400);
    expect(await db.stripeEvent.count({ where: { id: { in: session.events.map((e) => e.id) } } })).toBe(0);
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(0);
  });

  it("records the payment once, with an audit event and a receipt email; a replay answers 200 and changes nothing", async () => {
    const t = await connectedTenant();
    const done = fake.completeCheckout(sessionIdOf((await checkout(t.token)).json.url));
    const [completed, succeeded] = done.events;
    expect((await fake.deliver(completed!)).status).toBe(200);
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } });
    expect(invoice).toMatchObject({ status: "PAID", paidPence: 12_000 });
    const payments = await db.payment.findMany({ where: { invoiceId: t.invoice.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ method: "CARD", amountPence: 12_000, stripePaymentIntentId: done.paymentIntent.id, stripeCheckoutId: done.session.id });
    expect(await db.stripeCheckoutSession.findFirstOrThrow({ where: { invoiceId: t.invoice.id } })).toMatchObject({ status: "complete" });

    const snapshot = async () => ({
      payments: await db.payment.count({ where: { invoiceId: t.invoice.id } }),
      audits: await db.auditEvent.count({ where: { companyId: t.company.id, entityId: t.invoice.id } }),
      emails: await db.outboxMessage.count({ where: { companyId: t.company.id, jobName: "email.send" } }),
      invoice: await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id }, select: { status: true, paidPence: true, updatedAt: true } }),
    });
    const before = await snapshot();
    const replay = await fake.deliver(completed!);
    expect(replay.status).toBe(200);
    expect(await snapshot()).toEqual(before);
    // The second event of the same payment is a no-op too.
    expect((await fake.deliver(succeeded!)).status).toBe(200);
    expect(await snapshot()).toMatchObject({ payments: 1, emails: before.emails });

    expect(await db.stripeEvent.count({ where: { id: { in: [completed!.id, succeeded!.id] }, processedAt: { not: null } } })).toBe(2);
    expect(await db.auditEvent.count({ where: { companyId: t.company.id, entityId: t.invoice.id, action: "invoice.card_payment_received" } })).toBe(1);
    const receipts = await db.outboxMessage.findMany({ where: { companyId: t.company.id, jobName: "email.send" } });
    const receipt = receipts.filter((m) => (m.payload as { template: string }).template === "invoice.payment-receipt");
    expect(receipt).toHaveLength(1);
    expect(receipt[0]!.payload).toMatchObject({ to: [t.client.email], entityType: "Invoice", entityId: t.invoice.id, clientId: t.client.id, props: { amount: "£120.00", paidInFull: true } });
  });

  it("payment_intent.succeeded before checkout.session.completed still makes exactly one Payment", async () => {
    const t = await connectedTenant();
    const done = fake.completeCheckout(sessionIdOf((await checkout(t.token)).json.url));
    const [completed, succeeded] = done.events;
    expect((await fake.deliver(succeeded!)).status).toBe(200);
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(1);
    expect((await fake.deliver(completed!)).status).toBe(200);
    const payments = await db.payment.findMany({ where: { invoiceId: t.invoice.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]!.stripeCheckoutId).toBe(done.session.id);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } })).toMatchObject({ status: "PAID", paidPence: 12_000 });
  });

  it("concurrent deliveries of both events make exactly one Payment", async () => {
    const t = await connectedTenant();
    const done = fake.completeCheckout(sessionIdOf((await checkout(t.token)).json.url));
    const results = await Promise.all([...done.events, ...done.events].map((e) => fake.deliver(e)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(1);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } })).toMatchObject({ paidPence: 12_000 });
  });

  it("a part payment leaves the invoice part-paid with the rest due", async () => {
    const t = await connectedTenant({ allowPartPayments: true });
    const done = fake.completeCheckout(sessionIdOf((await checkout(t.token, { amountPence: 4500 })).json.url));
    for (const e of done.events) await fake.deliver(e);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } })).toMatchObject({ status: "PART_PAID", paidPence: 4500 });
  });

  it("money that no longer fits the invoice is flagged for the office, not lost or retried forever", async () => {
    const t = await connectedTenant();
    const done = fake.completeCheckout(sessionIdOf((await checkout(t.token)).json.url));
    await db.invoice.update({ where: { id: t.invoice.id }, data: { status: "VOID" } });
    expect((await fake.deliver(done.events[0]!)).status).toBe(200);
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { companyId: t.company.id, entityId: t.invoice.id, action: "invoice.card_payment_needs_attention" } })).toBe(1);
  });

  it("refunds made in Stripe reduce what was paid, once per refund", async () => {
    const t = await connectedTenant();
    const done = fake.completeCheckout(sessionIdOf((await checkout(t.token)).json.url));
    for (const e of done.events) await fake.deliver(e);
    const { refund, events } = fake.refund(t.accountId, done.paymentIntent.id as string, 2000);
    for (const e of events) expect((await fake.deliver(e)).status).toBe(200);
    for (const e of events) expect((await fake.deliver(e)).status).toBe(200);
    const refunds = await db.paymentRefund.findMany({ where: { companyId: t.company.id } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amountPence: 2000, stripeRefundId: refund.id });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } })).toMatchObject({ status: "PART_PAID", paidPence: 10_000 });
  });

  it("a refund arriving before its payment records the payment from Stripe's intent, then the refund; the payment's events change nothing", async () => {
    const t = await connectedTenant();
    const done = fake.completeCheckout(sessionIdOf((await checkout(t.token)).json.url));
    // Refunded in the dashboard; the refund's events overtake the payment's.
    const { refund, events } = fake.refund(t.accountId, done.paymentIntent.id as string, 2000);
    for (const e of events) expect((await fake.deliver(e)).status).toBe(200);
    const intentReads = fake.requests.filter((r) => r.method === "GET" && r.path === `/v1/payment_intents/${done.paymentIntent.id}`);
    expect(intentReads.length).toBeGreaterThanOrEqual(1);
    expect(intentReads.every((r) => r.account === t.accountId)).toBe(true);
    const payments = await db.payment.findMany({ where: { invoiceId: t.invoice.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ method: "CARD", amountPence: 12_000, stripePaymentIntentId: done.paymentIntent.id });
    expect(await db.paymentRefund.findMany({ where: { companyId: t.company.id }, select: { amountPence: true, stripeRefundId: true } })).toEqual([{ amountPence: 2000, stripeRefundId: refund.id }]);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } })).toMatchObject({ status: "PART_PAID", paidPence: 10_000 });
    expect(await db.stripeEvent.count({ where: { id: { in: events.map((e) => e.id) }, processedAt: { not: null } } })).toBe(2);

    // Then the payment's own events: acknowledged, and nothing changes.
    for (const e of done.events) expect((await fake.deliver(e)).status).toBe(200);
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(1);
    expect(await db.paymentRefund.count({ where: { companyId: t.company.id } })).toBe(1);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } })).toMatchObject({ status: "PART_PAID", paidPence: 10_000 });
    expect(await db.auditEvent.count({ where: { companyId: t.company.id, entityId: t.invoice.id, action: "invoice.card_payment_received" } })).toBe(1);
  });

  it("a refund of a payment taken outside Quantract is acknowledged and ignored; Stripe unreachable answers 503 so it is retried", async () => {
    const t = await connectedTenant();
    // A payment the company took in its own Stripe account, not through an invoice link (no metadata of ours).
    const foreign = "pi_test_taken_elsewhere";
    fake.paymentIntents.set(foreign, { id: foreign, object: "payment_intent", amount: 5000, amount_received: 5000, currency: "gbp", status: "succeeded", latest_charge: "ch_test_elsewhere", metadata: {}, _account: t.accountId });
    const { events } = fake.refund(t.accountId, foreign, 5000);
    for (const e of events) expect((await fake.deliver(e)).status).toBe(200);
    expect(await db.paymentRefund.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await db.payment.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await db.stripeEvent.count({ where: { id: { in: events.map((e) => e.id) }, processedAt: { not: null } } })).toBe(2);

    // Stripe refuses to show the intent (here: an account Stripe doesn't know): 503, nothing stored, Stripe retries.
    const stranger = await tenantWithAdmin();
    await db.company.update({ where: { id: stranger.company.id }, data: { stripeAccountId: "acct_test_gone_from_stripe", stripeChargesEnabled: true } });
    const e = fake.event("refund.created", "acct_test_gone_from_stripe", { id: "re_test_early", object: "refund", amount: 1000, payment_intent: "pi_test_unseen", status: "succeeded", reason: null });
    expect((await fake.deliver(e)).status).toBe(503);
    expect(await db.stripeEvent.count({ where: { id: e.id } })).toBe(0);
  });

  it("ignores events for accounts that aren't ours and metadata naming another company", async () => {
    const t = await connectedTenant();
    const other = await connectedTenant();
    const done = fake.completeCheckout(sessionIdOf((await checkout(t.token)).json.url));
    // The same session object, but claimed by another company's connected account.
    const spoof = fake.event("checkout.session.completed", other.accountId, done.session);
    expect((await fake.deliver(spoof)).status).toBe(200);
    expect(await db.payment.count({ where: { invoiceId: { in: [t.invoice.id, other.invoice.id] } } })).toBe(0);
    const stranger = fake.event("checkout.session.completed", "acct_test_unknown", done.session);
    expect((await fake.deliver(stranger)).status).toBe(200);
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(0);
  });
});

describe("Success page before the webhook", () => {
  const visitor = anonymousContext({ requestId: "success-page-test" });
  const sessionReads = (sessionId: string) => fake.requests.filter((r) => r.method === "GET" && r.path === `/v1/checkout/sessions/${sessionId}`);
  const receipts = async (companyId: string) =>
    (await db.outboxMessage.findMany({ where: { companyId, jobName: "email.send" } })).filter((m) => (m.payload as { template: string }).template === "invoice.payment-receipt");

  it("asks Stripe, records the paid session through the webhook's path, and the later webhook changes nothing", async () => {
    const t = await connectedTenant();
    const sessionId = sessionIdOf((await checkout(t.token)).json.url);
    // Back from Checkout before paying (or Stripe still processing): nothing to record.
    expect(await checkoutReturnView(visitor, t.token, sessionId)).toMatchObject({ paid: false, balancePence: 12_000 });
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(0);

    // Paid at Stripe; its webhooks have not arrived.
    const done = fake.completeCheckout(sessionId);
    const view = await checkoutReturnView(visitor, t.token, sessionId);
    expect(view).toMatchObject({ paid: true, balancePence: 0, amountPence: 12_000, invoiceNumber: t.invoice.number });
    const reads = sessionReads(sessionId);
    expect(reads).toHaveLength(2);
    expect(reads.every((r) => r.account === t.accountId)).toBe(true);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } })).toMatchObject({ status: "PAID", paidPence: 12_000 });
    const payments = await db.payment.findMany({ where: { invoiceId: t.invoice.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ method: "CARD", amountPence: 12_000, stripePaymentIntentId: done.paymentIntent.id, stripeCheckoutId: sessionId });
    expect(await db.stripeCheckoutSession.findFirstOrThrow({ where: { stripeSessionId: sessionId } })).toMatchObject({ status: "complete" });
    const received = await db.auditEvent.findMany({ where: { companyId: t.company.id, entityId: t.invoice.id, action: "invoice.card_payment_received" } });
    expect(received).toHaveLength(1);
    expect(received[0]!.metadata).toMatchObject({ via: "checkout-return" });
    expect(await receipts(t.company.id)).toHaveLength(1);

    // A reload finds the payment recorded and doesn't ask Stripe again.
    expect(await checkoutReturnView(visitor, t.token, sessionId)).toMatchObject({ paid: true });
    expect(sessionReads(sessionId)).toHaveLength(2);

    // The webhooks arrive: acknowledged, stored once, and nothing changes.
    const before = await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id }, select: { status: true, paidPence: true, updatedAt: true } });
    for (const e of done.events) expect((await fake.deliver(e)).status).toBe(200);
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(1);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id }, select: { status: true, paidPence: true, updatedAt: true } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { companyId: t.company.id, entityId: t.invoice.id, action: "invoice.card_payment_received" } })).toBe(1);
    expect(await receipts(t.company.id)).toHaveLength(1);
    expect(await db.stripeEvent.count({ where: { id: { in: done.events.map((e) => e.id) }, processedAt: { not: null } } })).toBe(2);
  });

  it("only looks up a session of this link's invoice, and waits for the webhook when Stripe can't be reached", async () => {
    const t = await connectedTenant();
    const other = await connectedTenant();
    const otherSession = sessionIdOf((await checkout(other.token)).json.url);
    fake.completeCheckout(otherSession);
    // Another invoice's (paid) session on this link: not ours to confirm here.
    expect(await checkoutReturnView(visitor, t.token, otherSession)).toMatchObject({ paid: false, amountPence: null });
    expect(sessionReads(otherSession)).toHaveLength(0);
    expect(await db.payment.count({ where: { invoiceId: { in: [t.invoice.id, other.invoice.id] } } })).toBe(0);

    // Stripe refuses the call (here: the stored account is not one Stripe knows): the page says it's confirming.
    const sessionId = sessionIdOf((await checkout(t.token)).json.url);
    fake.completeCheckout(sessionId);
    await db.stripeCheckoutSession.updateMany({ where: { stripeSessionId: sessionId }, data: { stripeAccountId: "acct_test_unknown" } });
    expect(await checkoutReturnView(visitor, t.token, sessionId)).toMatchObject({ paid: false, balancePence: 12_000 });
    expect(sessionReads(sessionId)).toHaveLength(1);
    expect(await db.payment.count({ where: { invoiceId: t.invoice.id } })).toBe(0);
  });
});
