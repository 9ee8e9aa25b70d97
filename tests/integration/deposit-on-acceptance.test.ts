/**
 * A quote asking for a deposit: accepting it issues the deposit invoice (numbered, linked, its
 * email queued) in the same transaction as the acceptance, and sends the client straight to
 * payment. A failure anywhere in the deposit step rolls the acceptance back; a double submit makes
 * one deposit invoice; Stripe failing after the commit sends the client to the invoice link.
 */
import { afterAll, describe, expect, it } from "vitest";
import { openSecret } from "@/server/auth/secret-box.ts";
import { sha256 } from "@/server/auth/tokens.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { SEALED_PROPS_PURPOSE } from "@/server/email/queue-email.ts";
import { createQuote, getQuote, sendQuote, updateQuote } from "@/modules/quotes/quotes.service.ts";
import { viewQuoteByLink } from "@/modules/quotes/acceptance.service.ts";
import { recordManualPayment } from "@/modules/invoices/payments.service.ts";
import { anonymousContext } from "@/server/context.ts";
import { createQuoteInput } from "@/modules/quotes/quotes.schema.ts";
import { startFakeStripe } from "../support/fake-stripe.ts";
import { call } from "../support/http.ts";
import { signatureDataUrl } from "../support/png.ts";
import { tenantWithAdmin } from "../support/factories.ts";

const fake = await startFakeStripe();
Object.assign(process.env, { STRIPE_SECRET_KEY: fake.apiKey, STRIPE_WEBHOOK_SECRET: fake.webhookSecret, STRIPE_API_BASE: fake.url });
const accept = await import("../../app/api/public/quotes/[token]/accept/route.ts");
const payDeposit = await import("../../app/api/public/quotes/[token]/deposit/route.ts");
afterAll(() => fake.close());

const db = unsafeUnscopedDb();
const browser = { origin: "http://localhost:3000", "x-forwarded-for": "203.0.113.10" };
const lines = [{ kind: "FIXED" as const, description: "Consumer unit", quantityMilli: 1000, unitPricePence: 100_000, vatRateBps: 2000 as const }]; // £1,200 incl. VAT

async function sentQuote(deposit: { depositBps?: number; depositPence?: number }, connected: boolean, opts: { stripeAccountId?: string } = {}) {
  const t = await tenantWithAdmin();
  if (connected) await db.company.update({ where: { id: t.company.id }, data: { stripeAccountId: opts.stripeAccountId ?? fake.createReadyAccount(), stripeChargesEnabled: true } });
  const client = await db.client.create({ data: { companyId: t.company.id, name: "Priya Shah", email: "priya@example.test" } });
  const q = await createQuote(t.ctx, createQuoteInput.parse({ clientId: client.id, title: "Consumer unit upgrade", lines, ...deposit }));
  await sendQuote(t.ctx, q.id);
  const m = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `pdf:quote:${q.id}:v1` } });
  const sealed = (m.payload as { thenEmail: { payload: { sealedProps: string } } }).thenEmail.payload.sealedProps;
  const token = (JSON.parse(openSecret(sealed, SEALED_PROPS_PURPOSE)) as { url: string }).url.split("/q/")[1]!;
  return { ...t, clientId: client.id, quoteId: q.id, token };
}

const acceptBody = { version: 1, choice: { options: {}, addons: [] }, signerName: "Priya Shah", signature: signatureDataUrl(), acceptTerms: true };

const acceptQuote = (token: string) => call(accept.POST, { params: { token }, headers: browser, body: acceptBody });

/** The queued "invoice sent" emails of an invoice (each rides on its PDF job, sent when the PDF is stored). */
async function invoiceEmails(companyId: string, invoiceId: string) {
  const jobs = await db.outboxMessage.findMany({ where: { companyId, jobName: "pdf.render", payload: { path: ["entityId"], equals: invoiceId } } });
  return jobs.map((j) => (j.payload as { thenEmail?: { payload: { template: string; to: string[] } } }).thenEmail?.payload).filter((e) => e?.template === "invoice.sent");
}

/** Everything the acceptance and its deposit write, to compare before and after a failed attempt. */
async function footprint(companyId: string, quoteId: string) {
  return {
    quote: await db.quote.findUniqueOrThrow({ where: { id: quoteId }, select: { status: true, respondedAt: true } }),
    agreements: await db.agreement.count({ where: { companyId } }),
    invoices: await db.invoice.count({ where: { companyId } }),
    links: await db.invoiceLink.count({ where: { companyId } }),
    counter: (await db.counter.findFirst({ where: { companyId, key: "invoice" } }))?.value ?? 0,
    outbox: await db.outboxMessage.count({ where: { companyId } }),
    audits: (await db.auditEvent.findMany({ where: { companyId, action: { startsWith: "invoice." } }, select: { action: true } })).length,
    acceptedAudits: await db.auditEvent.count({ where: { companyId, action: "quote.accepted" } }),
  };
}

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
    const res = await acceptQuote(s.token);
    expect(res.status).toBe(200);
    const invoices = await db.invoice.findMany({ where: { companyId: s.company.id } });
    expect(invoices).toHaveLength(1);
    const invoice = invoices[0]!;
    expect(invoice.id).toBe(res.json.depositInvoiceId);
    expect(invoice).toMatchObject({ kind: "DEPOSIT", status: "ISSUED", quoteId: s.quoteId, grossPence: 30_000, payablePence: 30_000 });
    expect(invoice.number).toBe("INV-00001");
    expect(invoice.sentAt).not.toBeNull();
    // One link (the one the email carries and the checkout returns to), one queued email.
    expect(await db.invoiceLink.count({ where: { companyId: s.company.id } })).toBe(1);
    const emails = await invoiceEmails(s.company.id, invoice.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.to).toEqual(["priya@example.test"]);
    const actions = (await db.auditEvent.findMany({ where: { companyId: s.company.id, entityId: { in: [invoice.id, s.quoteId] } }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["quote.accepted", "invoice.created", "invoice.issued", "invoice.sent", "invoice.deposit_created_on_acceptance"]));
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
    const res = await acceptQuote(s.token);
    expect(res.status).toBe(200);
    expect(res.json.payUrl).toMatch(/^http:\/\/localhost:3000\/i\/[A-Za-z0-9_-]{43}$/);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: res.json.depositInvoiceId } })).toMatchObject({ kind: "DEPOSIT", status: "ISSUED", payablePence: 20_000 });
    // The link the client is sent to is the invoice's one link.
    const links = await db.invoiceLink.findMany({ where: { companyId: s.company.id } });
    expect(links.map((l) => l.tokenHash)).toEqual([sha256(res.json.payUrl.split("/i/")[1])]);
  });

  it("a client who left payment pays the deposit later from the accepted quote's page, until it's paid", async () => {
    const s = await sentQuote({ depositPence: 30_000 }, false);
    const accepted = await acceptQuote(s.token);
    expect(accepted.status).toBe(200);
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: accepted.json.depositInvoiceId } });
    expect((await viewQuoteByLink(anonymousContext(), s.token))!.depositDue).toEqual({ number: invoice.number, balancePence: 30_000 });

    const res = await call(payDeposit.POST, { params: { token: s.token }, headers: browser });
    expect(res.status, res.text).toBe(200);
    // A fresh link to the same invoice (the emailed one is stored hashed), audited.
    const token = res.json.payUrl.split("/i/")[1];
    const fresh = await db.invoiceLink.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(fresh.invoiceId).toBe(invoice.id);
    expect(await db.auditEvent.count({ where: { companyId: s.company.id, action: "invoice.deposit_link_from_quote", entityId: invoice.id } })).toBe(1);

    // Part paid: still due, for the rest. Paid in full: nothing to pay, and the page stops offering it.
    await recordManualPayment(s.ctx, invoice.id, { method: "BANK_TRANSFER", amountPence: 10_000, cisDeductionPence: 0, receivedOn: "2026-11-20", reference: null });
    expect((await viewQuoteByLink(anonymousContext(), s.token))!.depositDue).toEqual({ number: invoice.number, balancePence: 20_000 });
    await recordManualPayment(s.ctx, invoice.id, { method: "BANK_TRANSFER", amountPence: 20_000, cisDeductionPence: 0, receivedOn: "2026-11-21", reference: null });
    expect((await viewQuoteByLink(anonymousContext(), s.token))!.depositDue).toBeNull();
    const none = await call(payDeposit.POST, { params: { token: s.token }, headers: browser });
    expect(none.status).toBe(409);

    // An unknown link reveals nothing.
    expect((await call(payDeposit.POST, { params: { token: "x".repeat(43) }, headers: browser })).status).toBe(404);
  });

  it("a failure in the deposit step rolls the acceptance back too; the client can try again", async () => {
    const s = await sentQuote({ depositBps: 2500 }, true);
    const before = await footprint(s.company.id, s.quoteId);
    expect(before.quote.status).toBe("SENT");
    // Forced: the deposit's link can't be stored (after the invoice was created and numbered in the same transaction).
    const fn = `fail_link_${s.company.id.replaceAll("-", "")}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON "InvoiceLink" FOR EACH ROW WHEN (NEW."companyId" = '${s.company.id}'::uuid) EXECUTE FUNCTION ${fn}()`);
    try {
      const failed = await acceptQuote(s.token);
      expect(failed.status).toBe(503);
      expect(failed.json.error.message).toMatch(/couldn't prepare your deposit invoice.*hasn't been saved/);
      // Nothing of the acceptance nor of the deposit is left: no agreement, no invoice, no number used, no email.
      expect(await footprint(s.company.id, s.quoteId)).toEqual(before);
      expect([...fake.sessions.values()].filter((x) => (x.metadata as { companyId?: string }).companyId === s.company.id)).toHaveLength(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "InvoiceLink"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    const retried = await acceptQuote(s.token);
    expect(retried.status).toBe(200);
    expect(await db.quote.findUniqueOrThrow({ where: { id: s.quoteId } })).toMatchObject({ status: "ACCEPTED" });
    // Gapless: the failed attempt used no number.
    expect(await db.invoice.findUniqueOrThrow({ where: { id: retried.json.depositInvoiceId } })).toMatchObject({ number: "INV-00001", status: "ISSUED" });
  });

  it("a double submit accepts once and makes one deposit invoice", async () => {
    const s = await sentQuote({ depositBps: 2500 }, true);
    const results = await Promise.all([acceptQuote(s.token), acceptQuote(s.token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db.agreement.count({ where: { companyId: s.company.id } })).toBe(1);
    expect(await db.invoice.count({ where: { companyId: s.company.id } })).toBe(1);
    expect(await db.invoiceLink.count({ where: { companyId: s.company.id } })).toBe(1);
    const ok = results.find((r) => r.status === 200)!;
    expect(await invoiceEmails(s.company.id, ok.json.depositInvoiceId)).toHaveLength(1);
  });

  it("a client with no email address is still accepted and taken to the invoice; the history says it wasn't emailed", async () => {
    const s = await sentQuote({ depositPence: 20_000 }, false);
    // The quote went out by email; since then the office removed the client's address.
    await db.client.update({ where: { id: s.clientId }, data: { email: null } });
    const res = await acceptQuote(s.token);
    expect(res.status).toBe(200);
    expect(res.json.payUrl).toMatch(/\/i\/[A-Za-z0-9_-]{43}$/);
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: res.json.depositInvoiceId } });
    expect(invoice).toMatchObject({ kind: "DEPOSIT", status: "ISSUED", sentAt: null });
    expect(await invoiceEmails(s.company.id, invoice.id)).toHaveLength(0);
    const actions = (await db.auditEvent.findMany({ where: { companyId: s.company.id, entityId: invoice.id }, select: { action: true } })).map((a) => a.action);
    expect(actions).toContain("invoice.deposit_not_emailed");
    expect(actions).not.toContain("invoice.sent");
  });

  it("when Stripe fails after the acceptance committed, the client goes to the invoice link and the acceptance stands", async () => {
    // The company's account is unknown to Stripe: Checkout creation fails (403).
    const s = await sentQuote({ depositBps: 1000 }, true, { stripeAccountId: "acct_test_not_at_stripe" });
    const res = await acceptQuote(s.token);
    expect(res.status).toBe(200);
    expect(res.json.payUrl).toMatch(/^http:\/\/localhost:3000\/i\/[A-Za-z0-9_-]{43}$/);
    expect(await db.quote.findUniqueOrThrow({ where: { id: s.quoteId } })).toMatchObject({ status: "ACCEPTED" });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: res.json.depositInvoiceId } })).toMatchObject({ status: "ISSUED", payablePence: 12_000 });
    expect(await db.stripeCheckoutSession.count({ where: { companyId: s.company.id } })).toBe(0);
  });

  it("a quote without a deposit is accepted as before", async () => {
    const s = await sentQuote({}, true);
    const res = await acceptQuote(s.token);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ depositInvoiceId: null, payUrl: null });
    expect(await db.invoice.count({ where: { companyId: s.company.id } })).toBe(0);
  });
});
