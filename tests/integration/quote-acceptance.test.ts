import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accept from "../../app/api/public/quotes/[token]/accept/route.ts";
import * as respond from "../../app/api/public/quotes/[token]/respond/route.ts";
import * as agreementPdf from "../../app/api/public/quotes/[token]/agreement/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { openSecret } from "@/server/auth/secret-box.ts";
import { SEALED_PROPS_PURPOSE } from "@/server/email/queue-email.ts";
import { createQuote, reviseQuote, sendQuote, updateQuote } from "@/modules/quotes/quotes.service.ts";
import { viewQuoteByLink } from "@/modules/quotes/acceptance.service.ts";
import { createQuoteInput } from "@/modules/quotes/quotes.schema.ts";
import { anonymousContext } from "@/server/context.ts";
import { startRuntime } from "@/worker/runtime.ts";
import { call } from "../support/http.ts";
import { tenantWithAdmin } from "../support/factories.ts";
import { waitUntil } from "../support/worker-env.ts";
import { signatureDataUrl } from "../support/png.ts";

let runtime: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  runtime = await startRuntime({ queues: [{ queue: "pdf", concurrency: 2 }] });
});
afterAll(() => runtime.stop());

const SIGNATURE = signatureDataUrl();
const browser = { origin: "http://localhost:3000", "x-forwarded-for": "203.0.113.9", "user-agent": "Mozilla/5.0 (iPhone) test" };

const lines = [
  { kind: "LABOUR" as const, description: "Install", quantityMilli: 2000, unitPricePence: 5000, vatRateBps: 2000 as const },
  { kind: "FIXED" as const, description: "White sockets", quantityMilli: 1000, unitPricePence: 2000, vatRateBps: 2000 as const, placement: "OPTION" as const, groupName: "Finish", optionName: "White" },
  { kind: "FIXED" as const, description: "Chrome sockets", quantityMilli: 1000, unitPricePence: 6000, vatRateBps: 2000 as const, placement: "OPTION" as const, groupName: "Finish", optionName: "Chrome" },
  { kind: "FIXED" as const, description: "USB-C sockets", quantityMilli: 1000, unitPricePence: 3000, vatRateBps: 2000 as const, placement: "ADDON" as const, addonName: "USB" },
];

async function sentQuote(opts: { validUntil?: string } = {}) {
  const t = await tenantWithAdmin();
  const client = await unsafeUnscopedDb().client.create({ data: { companyId: t.company.id, name: "Robert Ainsley", email: "robert@example.test" } });
  const q = await createQuote(t.ctx, createQuoteInput.parse({ clientId: client.id, title: "Kitchen sockets", lines, validUntil: opts.validUntil }));
  await sendQuote(t.ctx, q.id);
  return { ...t, quote: q, client, token: await tokenFor(q.id, 1) };
}

/** The client link from the queued email (sealed in the outbox; opened here as the worker would). */
async function tokenFor(quoteId: string, version: number): Promise<string> {
  const m = await unsafeUnscopedDb().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `pdf:quote:${quoteId}:v${version}` } });
  const email = (m.payload as { thenEmail: { payload: { sealedProps: string } } }).thenEmail.payload;
  const { url } = JSON.parse(openSecret(email.sealedProps, SEALED_PROPS_PURPOSE)) as { url: string };
  return url.split("/q/")[1]!;
}

const acceptBody = (version = 1, options: Record<string, string> = { Finish: "Chrome" }, addons: string[] = ["USB"]) => ({
  version,
  choice: { options, addons },
  signerName: "Robert Ainsley",
  signature: SIGNATURE,
  acceptTerms: true,
});

describe("client quote link", () => {
  it("marks the quote viewed once, on the first view", async () => {
    const s = await sentQuote();
    const ctx = anonymousContext({ ip: "203.0.113.9" });
    const first = await viewQuoteByLink(ctx, s.token);
    expect(first?.status).toBe("VIEWED");
    expect(first?.snapshot.lines).toHaveLength(4);
    await viewQuoteByLink(ctx, s.token);
    expect(await s.ctx.db.auditEvent.count({ where: { action: "quote.viewed" } })).toBe(1);
  });

  it("accepts once with the chosen option and add-on, fingerprinted, with certificate and emails", async () => {
    const s = await sentQuote();
    const wrong = await call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody(1, { Finish: "Gold" }) });
    expect(wrong.status).toBe(422);
    const fake = await call(accept.POST, { params: { token: s.token }, headers: browser, body: { ...acceptBody(), signature: `data:image/png;base64,${Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(200, 7)]).toString("base64")}` } });
    expect(fake.status).toBe(422);
    expect(fake.json.error.fields.signature).toBe("Sign in the box");
    const noTerms = await call(accept.POST, { params: { token: s.token }, headers: browser, body: { ...acceptBody(), acceptTerms: false } });
    expect(noTerms.status).toBe(400);
    expect(noTerms.json.error.fields.acceptTerms).toMatch(/Tick to confirm/);

    const ok = await call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody() });
    expect(ok.status).toBe(200);
    // 2 × £50 + chrome £60 + USB £30 = £190 net, VAT £38 → £228.
    expect(ok.json.grossPence).toBe(22800);
    const agreement = await s.ctx.db.agreement.findFirstOrThrow({ where: { quoteId: s.quote.id } });
    const version = await s.ctx.db.quoteVersion.findFirstOrThrow({ where: { quoteId: s.quote.id } });
    expect(agreement).toMatchObject({ signerName: "Robert Ainsley", snapshotHash: version.snapshotHash, ip: "203.0.113.9", userAgent: "Mozilla/5.0 (iPhone) test", grossPence: 22800 });
    expect(agreement.choice).toEqual({ options: { Finish: "Chrome" }, addons: ["USB"] });
    expect((await s.ctx.db.quote.findUniqueOrThrow({ where: { id: s.quote.id } })).status).toBe("ACCEPTED");
    const emails = await s.ctx.db.outboxMessage.findMany({ where: { jobName: "email.send", idempotencyKey: { contains: agreement.id } } });
    expect(emails.map((e) => (e.payload as { template: string }).template).sort()).toEqual(["quote.accepted.client", "quote.accepted.office"]);

    const again = await call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody() });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/already accepted|already been accepted/);

    await waitUntil(async () => (await call(agreementPdf.GET, { params: { token: s.token } })).status === 200, 30_000, "the certificate");
    const pdf = await call(agreementPdf.GET, { params: { token: s.token } });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.text.startsWith("%PDF-")).toBe(true);
    expect(await s.ctx.db.auditEvent.count({ where: { action: "pdf.generated", entityType: "Agreement" } })).toBe(1);
  }, 60_000);

  it("lets exactly one of two simultaneous acceptances through", async () => {
    const s = await sentQuote();
    const results = await Promise.all([1, 2].map(() => call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody() })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await s.ctx.db.agreement.count()).toBe(1);
  });

  it("refuses a superseded version and accepts the latest", async () => {
    const s = await sentQuote();
    await reviseQuote(s.ctx, s.quote.id);
    // While the office revises, the client can read v1 but not accept it.
    const during = await call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody(1) });
    expect(during.status).toBe(409);
    await updateQuote(s.ctx, s.quote.id, { title: "Kitchen sockets (revised)" });
    await sendQuote(s.ctx, s.quote.id);
    const v2 = await tokenFor(s.quote.id, 2);
    expect((await call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody(2) })).status).toBe(404); // old link revoked
    expect((await call(accept.POST, { params: { token: v2 }, headers: browser, body: acceptBody(1) })).status).toBe(409);
    expect((await call(accept.POST, { params: { token: v2 }, headers: browser, body: acceptBody(2) })).status).toBe(200);
  });

  it("declines with a comment and tells the office; then acceptance is refused", async () => {
    const s = await sentQuote();
    const res = await call(respond.POST, { params: { token: s.token }, headers: browser, body: { version: 1, action: "decline", comment: "Found someone closer" } });
    expect(res.status).toBe(204);
    const q = await s.ctx.db.quote.findUniqueOrThrow({ where: { id: s.quote.id } });
    expect(q).toMatchObject({ status: "DECLINED", responseComment: "Found someone closer" });
    expect(await s.ctx.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `email:quote-response:${s.quote.id}` } } })).toBe(1);
    expect((await call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody() })).status).toBe(409);
  });

  it("answers expired, revoked, unknown and malformed links the same way", async () => {
    // The link expires with the quote: the day after validUntil it is simply no longer valid.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const expired = await sentQuote({ validUntil: yesterday });
    const late = await call(accept.POST, { params: { token: expired.token }, headers: browser, body: acceptBody() });

    const s = await sentQuote();
    await s.ctx.db.quoteLink.updateMany({ where: { quoteId: s.quote.id }, data: { revokedAt: new Date() } });
    const revoked = await call(accept.POST, { params: { token: s.token }, headers: browser, body: acceptBody() });
    const unknown = await call(accept.POST, { params: { token: "A".repeat(43) }, headers: browser, body: acceptBody() });
    const malformed = await call(accept.POST, { params: { token: "nope" }, headers: browser, body: acceptBody() });
    expect([late.status, revoked.status, unknown.status, malformed.status]).toEqual([404, 404, 404, 404]);
    expect(revoked.text).toBe(unknown.text);
    expect(late.text).toBe(unknown.text);
    expect(await viewQuoteByLink(anonymousContext(), s.token)).toBeNull();
  });
});
