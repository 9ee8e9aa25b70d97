import { describe, expect, it } from "vitest";
import * as agreements from "../../app/api/admin/agreements/route.ts";
import * as agreement from "../../app/api/admin/agreements/[id]/route.ts";
import { acceptQuoteByLink } from "@/modules/quotes/acceptance.service.ts";
import { createQuote, sendQuote } from "@/modules/quotes/quotes.service.ts";
import { createQuoteInput } from "@/modules/quotes/quotes.schema.ts";
import { openSecret } from "@/server/auth/secret-box.ts";
import { anonymousContext } from "@/server/context.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { SEALED_PROPS_PURPOSE } from "@/server/email/queue-email.ts";
import { call } from "../support/http.ts";
import { createSession, tenantWithAdmin } from "../support/factories.ts";
import { signatureDataUrl } from "../support/png.ts";

async function acceptedQuote() {
  const t = await tenantWithAdmin();
  const client = await unsafeUnscopedDb().client.create({ data: { companyId: t.company.id, name: "Ada Client", email: "ada@example.test" } });
  const q = await createQuote(t.ctx, createQuoteInput.parse({ clientId: client.id, title: "Rewire", lines: [{ kind: "FIXED", description: "Rewire", quantityMilli: 1000, unitPricePence: 100000, vatRateBps: 2000 }] }));
  await sendQuote(t.ctx, q.id);
  const m = await unsafeUnscopedDb().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `pdf:quote:${q.id}:v1` } });
  const sealed = (m.payload as { thenEmail: { payload: { sealedProps: string } } }).thenEmail.payload.sealedProps;
  const token = (JSON.parse(openSecret(sealed, SEALED_PROPS_PURPOSE)) as { url: string }).url.split("/q/")[1]!;
  await acceptQuoteByLink(anonymousContext({ ip: "198.51.100.7" }), token, { version: 1, choice: { options: {}, addons: [] }, signerName: "Ada Client", signature: signatureDataUrl(), acceptTerms: true });
  return { ...t, quote: q, client, token: await createSession(t.user.id, t.company.id) };
}

describe("agreements API", () => {
  it("lists and shows signed agreements of the company only", async () => {
    const a = await acceptedQuote();
    const b = await acceptedQuote();
    const list = await call(agreements.GET, { token: a.token });
    expect(list.status).toBe(200);
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items[0]).toMatchObject({ quoteId: a.quote.id, quoteNumber: "Q-00001", clientName: "Ada Client", signerName: "Ada Client", grossPence: 120000, version: 1, ip: "198.51.100.7" });
    const one = await call(agreement.GET, { token: a.token, params: { id: list.json.items[0].id } });
    expect(one.json.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    const theirs = (await call(agreements.GET, { token: b.token })).json.items[0].id;
    const foreign = await call(agreement.GET, { token: a.token, params: { id: theirs } });
    const missing = await call(agreement.GET, { token: a.token, params: { id: "0190a0a0-0000-7000-8000-000000000000" } });
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(missing.text);
    expect((await call(agreements.GET, { token: a.token, path: `/api/admin/agreements?clientId=${a.client.id}` })).json.items).toHaveLength(1);
  });
});
