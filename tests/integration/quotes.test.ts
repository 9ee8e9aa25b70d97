import { describe, expect, it } from "vitest";
import * as quotes from "../../app/api/admin/quotes/route.ts";
import * as quote from "../../app/api/admin/quotes/[id]/route.ts";
import * as send from "../../app/api/admin/quotes/[id]/send/route.ts";
import * as revise from "../../app/api/admin/quotes/[id]/revise/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { createQuote } from "@/modules/quotes/quotes.service.ts";
import { call } from "../support/http.ts";
import { createSession, tenantWithAdmin } from "../support/factories.ts";

const headers = { origin: "http://localhost:3000" };

async function setup(withEmail = true) {
  const t = await tenantWithAdmin();
  const token = await createSession(t.user.id, t.company.id);
  const db = unsafeUnscopedDb();
  const client = await db.client.create({ data: { companyId: t.company.id, name: "Helen Marsh", email: withEmail ? "helen@example.test" : null } });
  const site = await db.site.create({ data: { companyId: t.company.id, clientId: client.id, addressLine1: "12 Oak Road", town: "Stockport", postcode: "SK4 2AB" } });
  return { ...t, token, client, site };
}

const lines = [
  { kind: "LABOUR", description: "Replace consumer unit", quantityMilli: 1500, unitPricePence: 4550, vatRateBps: 2000 },
  { kind: "MATERIALS", description: "17th-edition RCBO board", quantityMilli: 1000, unitPricePence: 18999, markupBps: 2000, vatRateBps: 2000 },
  { kind: "MATERIALS", description: "Loft insulation", quantityMilli: 1000, unitPricePence: 10000, vatRateBps: 0 },
  { kind: "FIXED", description: "Surge protection", quantityMilli: 1000, unitPricePence: 9000, vatRateBps: 2000, placement: "ADDON", addonName: "SPD" },
  { kind: "FIXED", description: "Standard fittings", quantityMilli: 1000, unitPricePence: 5000, vatRateBps: 2000, placement: "OPTION", groupName: "Fittings", optionName: "Good" },
  { kind: "FIXED", description: "Brushed steel fittings", quantityMilli: 1000, unitPricePence: 9000, vatRateBps: 2000, placement: "OPTION", groupName: "Fittings", optionName: "Better" },
];

describe("quotes", () => {
  it("creates a numbered draft whose totals come from the pricing function", async () => {
    const s = await setup();
    const res = await call(quotes.POST, { token: s.token, headers, body: { clientId: s.client.id, siteId: s.site.id, title: "Consumer unit upgrade", lines } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ number: "Q-00001", status: "DRAFT", version: 1 });
    // Labour 1.5 × £45.50 = £68.25; board £189.99 + 20% markup = £227.99 (227.988 → 227.99);
    // insulation £100 at 0%; default choice: "Good" fittings £50; add-on not ticked.
    // Net at 20%: 6825 + 22799 + 5000 = 34624 → VAT 6924.8 → 6925; at 0%: 10000.
    expect(res.json.totals).toMatchObject({ netPence: 44624, vatPence: 6925, grossPence: 51549 });
    expect(res.json.grossPence).toBe(51549);
    const second = await call(quotes.POST, { token: s.token, headers, body: { clientId: s.client.id, title: "Second" } });
    expect(second.json.number).toBe("Q-00002");
  });

  it("numbers 20 concurrent quotes consecutively, with no gaps or repeats", async () => {
    const s = await setup();
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => createQuote(s.ctx, { clientId: s.client.id, title: `Q${i}`, lines: [] })));
    const numbers = created.map((q) => q.number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `Q-${String(i + 1).padStart(5, "0")}`));
  });

  it("sends a frozen, fingerprinted version with a client link and an email to the client", async () => {
    const s = await setup();
    const created = (await call(quotes.POST, { token: s.token, headers, body: { clientId: s.client.id, title: "Rewire", lines } })).json;
    const sent = await call(send.POST, { token: s.token, headers, params: { id: created.id } });
    expect(sent.status).toBe(200);
    expect(sent.json.status).toBe("SENT");
    expect(sent.json.versions).toHaveLength(1);
    expect(sent.json.versions[0].snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    const version = await unsafeUnscopedDb().quoteVersion.findFirstOrThrow({ where: { quoteId: created.id } });
    expect(JSON.stringify(version.snapshot)).not.toContain("markupBps"); // internal markup never reaches the client
    expect(await unsafeUnscopedDb().quoteLink.count({ where: { quoteId: created.id, revokedAt: null } })).toBe(1);
    // The PDF renders first; the worker then queues the email with the PDF attached.
    const outbox = await unsafeUnscopedDb().outboxMessage.findFirstOrThrow({ where: { idempotencyKey: `pdf:quote:${created.id}:v1` } });
    expect(outbox.payload).toMatchObject({ document: "quote", entityType: "QuoteVersion", entityId: version.id });
    expect((outbox.payload as { thenEmail: { payload: unknown; idempotencyKey: string } }).thenEmail).toMatchObject({
      idempotencyKey: `email:quote-sent:${created.id}:v1`,
      payload: { to: ["helen@example.test"], template: "quote.sent", clientId: s.client.id, entityType: "Quote" },
    });
    expect(JSON.stringify(outbox.payload)).not.toContain("/q/"); // the link travels sealed

    // Sending twice, or editing a sent quote, is refused.
    expect((await call(send.POST, { token: s.token, headers, params: { id: created.id } })).status).toBe(409);
    const edit = await call(quote.PATCH, { token: s.token, headers, params: { id: created.id }, body: { title: "Changed" } });
    expect(edit.status).toBe(422);

    // Revise → draft v2; sending it supersedes the old link.
    const revised = await call(revise.POST, { token: s.token, headers, params: { id: created.id } });
    expect(revised.json).toMatchObject({ status: "DRAFT", version: 2 });
    await call(quote.PATCH, { token: s.token, headers, params: { id: created.id }, body: { lines: lines.slice(0, 2) } });
    const v2 = await call(send.POST, { token: s.token, headers, params: { id: created.id } });
    expect(v2.json.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(await unsafeUnscopedDb().quoteLink.count({ where: { quoteId: created.id, revokedAt: null } })).toBe(1);
    expect(await unsafeUnscopedDb().quoteLink.count({ where: { quoteId: created.id } })).toBe(2);
    const events = (await s.ctx.db.auditEvent.findMany({ where: { entityType: "Quote", entityId: created.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(events).toEqual(["quote.created", "quote.sent", "quote.revised", "quote.updated", "quote.sent"]);
  });

  it("refuses to send without lines or without anyone to send to", async () => {
    const s = await setup(false);
    const empty = (await call(quotes.POST, { token: s.token, headers, body: { clientId: s.client.id, title: "Empty" } })).json;
    expect((await call(send.POST, { token: s.token, headers, params: { id: empty.id } })).json.error.message).toMatch(/at least one line/);
    const q = (await call(quotes.POST, { token: s.token, headers, body: { clientId: s.client.id, title: "No email", lines } })).json;
    const res = await call(send.POST, { token: s.token, headers, params: { id: q.id } });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/email address/);
  });

  it("validates lines with field messages and refuses another client's site", async () => {
    const s = await setup();
    const bad = await call(quotes.POST, { token: s.token, headers, body: { clientId: s.client.id, title: "X", lines: [{ kind: "LABOUR", description: "", quantityMilli: 0, unitPricePence: -1, vatRateBps: 1700 }] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(expect.arrayContaining(["lines.0.description", "lines.0.quantityMilli", "lines.0.unitPricePence", "lines.0.vatRateBps"]));
    const other = await unsafeUnscopedDb().client.create({ data: { companyId: s.company.id, name: "Other" } });
    const res = await call(quotes.POST, { token: s.token, headers, body: { clientId: other.id, siteId: s.site.id, title: "X" } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.siteId).toBeTruthy();
  });

  it("keeps quotes inside their company: identical 404s and no cross-tenant client", async () => {
    const a = await setup();
    const b = await setup();
    const theirs = (await call(quotes.POST, { token: b.token, headers, body: { clientId: b.client.id, title: "B's", lines } })).json;
    const missing = "0190a0a0-0000-7000-8000-000000000000";
    for (const [handler, extra] of [
      [quote.GET, {}],
      [quote.PATCH, { body: { title: "Hijack" } }],
      [send.POST, {}],
      [revise.POST, {}],
    ] as const) {
      const foreign = await call(handler, { token: a.token, headers, params: { id: theirs.id }, ...extra });
      const none = await call(handler, { token: a.token, headers, params: { id: missing }, ...extra });
      expect(foreign.status).toBe(404);
      expect(foreign.text).toBe(none.text);
    }
    const cross = await call(quotes.POST, { token: a.token, headers, body: { clientId: b.client.id, title: "Theft" } });
    expect(cross.status).toBe(422);
    expect((await call(quotes.GET, { token: a.token })).json.items.map((q: { id: string }) => q.id)).not.toContain(theirs.id);
    expect((await unsafeUnscopedDb().quote.findUniqueOrThrow({ where: { id: theirs.id } })).title).toBe("B's");
  });

  it("lists with status filter and cursor", async () => {
    const s = await setup();
    for (let i = 0; i < 3; i++) await call(quotes.POST, { token: s.token, headers, body: { clientId: s.client.id, title: `D${i}`, lines } });
    const toSend = (await call(quotes.POST, { token: s.token, headers, body: { clientId: s.client.id, title: "S", lines } })).json;
    await call(send.POST, { token: s.token, headers, params: { id: toSend.id } });
    const sent = await call(quotes.GET, { token: s.token, path: "/api/admin/quotes?status=SENT" });
    expect(sent.json.items.map((q: { title: string }) => q.title)).toEqual(["S"]);
    const page1 = await call(quotes.GET, { token: s.token, path: "/api/admin/quotes?limit=2" });
    const page2 = await call(quotes.GET, { token: s.token, path: `/api/admin/quotes?limit=2&cursor=${page1.json.nextCursor}` });
    expect([...page1.json.items, ...page2.json.items].map((q: { title: string }) => q.title)).toEqual(["S", "D2", "D1", "D0"]);
  });
});
