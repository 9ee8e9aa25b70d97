/** A quote asking for a deposit: accepting it issues the deposit invoice and sends the client straight to payment. */
import { afterAll, describe, expect, it } from "vitest";
import { openSecret } from "@/server/auth/secret-box.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { SEALED_PROPS_PURPOSE } from "@/server/email/queue-email.ts";
import { createQuote, getQuote, sendQuote, updateQuote } from "@/modules/quotes/quotes.service.ts";
import { createQuoteInput } from "@/modules/quotes/quotes.schema.ts";
import { startFakeStripe } from "../support/fake-stripe.ts";
import { call } from "../support/http.ts";
import { signatureDataUrl } from "../support/png.ts";
import { tenantWithAdmin } from "../support/factories.ts";

const fake = await startFakeStripe();
Object.assign(process.env, { STRIPE_SECRET_KEY: fake.apiKey, STRIPE_WEBHOOK_SECRET: fake.webhookSecret, STRIPE_API_BASE: fake.url });
const accept = await import("../../app/api/public/quotes/[token]/accept/route.ts");
afterAll(() => fake.close());

const db = unsafeUnscopedDb();
const browser = { origin: "http://localhost:3000", "x-forwarded-for": "203.0.113.10" };
const lines = [{ kind: "FIXED" as const, description: "Consumer unit", quantityMilli: 1000, unitPricePence: 100_000, vatRateBps: 2000 as const }]; // £1,200 incl. VAT

async function sentQuote(deposit: { depositBps?: number; depositPence?: number }, connected: boolean) {
  const t = await tenantWithAdmin();
  if (connected) await db.company.update({ where: { id: t.company.id }, data: { stripeAccountId: fake.createReadyAccount(), stripeChargesEnabled: true } });
  const client = await db.client.create({ data: { companyId: t.company.id, name: "Priya Shah", email: "priya@example.test" } });
  const q = await createQuote(t.ctx, createQuoteInput.parse({ clientId: client.id, title: "Consumer unit upgrade", lines, ...deposit }));
  await sendQuote(t.ctx, q.id);
  const m = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `pdf:quote:${q.id}:v1` } });
  const sealed = (m.payload as { thenEmail: { payload: { sealedProps: string } } }).thenEmail.payload.sealedProps;
  const token = (JSON.parse(openSecret(sealed, SEALED_PROPS_PURPOSE)) as { url: string }).url.split("/q/")[1]!;
  return { ...t, quoteId: q.id, token };
}

const acceptBody = { version: 1, choice: { options: {}, addons: [] }, signerName: "Priya Shah", signature: signatureDataUrl(), acceptTerms: true };

describe("deposit on acceptance", () => {
  it("the builder stores a percentage or an amount, not both", async () => {
    const t = await tenantWithAdmin();
    const client = await db.client.create({ data: { companyId: t.company.id, name: "C" } });
    const q = await createQuote(t.ctx, createQuoteInput.parse({ clientId: client.id, title: "T", lines, depositBps: 2500 }));
    expect(q).toMatchObject({ depositBps: 2500, depositPence: null });
    await expect(updateQuote(t.ctx, q.id, { depositPence: 5000 })).rejects.toMatchObject({ status: 422 });
    await updateQuote(t.ctx, q.id, { depositBps: null, depositPence: 5000 });
    expect(await getQuote(t.ctx, q.id)).toMatchObject({ depositBps: null, depositPence: 5000 });
  });

  it("issues the deposit invoice and takes the client to card payment when the company takes cards", async () => {
    const s = await sentQuote({ depositBps: 2500 }, true);
    const res = await call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody });
    expect(res.status).toBe(200);
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: res.json.depositInvoiceId } });
    expect(invoice).toMatchObject({ kind: "DEPOSIT", status: "ISSUED", quoteId: s.quoteId, grossPence: 30_000, payablePence: 30_000 });
    expect(invoice.number).toMatch(/^INV-/);
    expect(res.json.payUrl).toMatch(new RegExp(`^${fake.url}/hosted/checkout/cs_test_`));
    const session = fake.sessions.get(res.json.payUrl.split("/").pop())!;
    expect(session.amount_total).toBe(30_000);
    expect(session.metadata).toMatchObject({ invoiceId: invoice.id, companyId: s.company.id });
    // The deposit invoice is emailed too, and the acceptance is on the invoice's timeline.
    expect(await db.outboxMessage.count({ where: { companyId: s.company.id, jobName: "pdf.render", payload: { path: ["entityId"], equals: invoice.id } } })).toBeGreaterThanOrEqual(1);
    expect(await db.auditEvent.count({ where: { companyId: s.company.id, entityId: invoice.id, action: "invoice.deposit_created_on_acceptance" } })).toBe(1);
  });

  it("without card payments, sends the client to the invoice link (bank details) for a fixed deposit", async () => {
    const s = await sentQuote({ depositPence: 20_000 }, false);
    const res = await call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody });
    expect(res.status).toBe(200);
    expect(res.json.payUrl).toMatch(/^http:\/\/localhost:3000\/i\/[A-Za-z0-9_-]{43}$/);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: res.json.depositInvoiceId } })).toMatchObject({ kind: "DEPOSIT", status: "ISSUED", payablePence: 20_000 });
  });

  it("a quote without a deposit is accepted as before", async () => {
    const s = await sentQuote({}, true);
    const res = await call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ depositInvoiceId: null, payUrl: null });
    expect(await db.invoice.count({ where: { companyId: s.company.id } })).toBe(0);
  });
});
