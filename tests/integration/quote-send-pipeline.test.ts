import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQuote, sendQuote } from "@/modules/quotes/quotes.service.ts";
import { createQuoteInput } from "@/modules/quotes/quotes.schema.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { startRuntime } from "@/worker/runtime.ts";
import { tenantWithAdmin } from "../support/factories.ts";
import { waitUntil } from "../support/worker-env.ts";

let runtime: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  runtime = await startRuntime({ queues: [{ queue: "pdf", concurrency: 2 }, { queue: "email", concurrency: 5 }] });
});
afterAll(() => runtime.stop());

describe("sending a quote", () => {
  it("renders the branded PDF, then emails the quote contacts with it attached and a link, once", async () => {
    const t = await tenantWithAdmin();
    const db = unsafeUnscopedDb();
    const client = await db.client.create({ data: { companyId: t.company.id, name: "Acme Lettings", kind: "ORGANISATION" } });
    await db.clientContact.create({ data: { companyId: t.company.id, clientId: client.id, name: "Pat Quinn", email: "pat@acme.test", receivesQuotes: true } });
    await db.clientContact.create({ data: { companyId: t.company.id, clientId: client.id, name: "Accounts", email: "accounts@acme.test", receivesQuotes: false } });
    const q = await createQuote(
      t.ctx,
      createQuoteInput.parse({
        clientId: client.id,
        title: "EICR for 4 flats",
        lines: [{ kind: "LABOUR", description: "EICR per flat", quantityMilli: 4000, unitPricePence: 14500, vatRateBps: 2000 }],
      }),
    );
    await sendQuote(t.ctx, q.id);
    await waitUntil(async () => (await db.emailMessage.count({ where: { clientId: client.id } })) === 1, 30_000, "the quote email");
    const email = await db.emailMessage.findFirstOrThrow({ where: { clientId: client.id } });
    expect(email.to).toEqual(["pat@acme.test"]);
    expect(email.subject).toBe("Quote Q-00001: EICR for 4 flats");
    expect(email.text).toMatch(/£696\.00 including VAT/); // 4 × £145 = £580 + 20%
    expect(email.text).toMatch(/http:\/\/localhost:3000\/q\/[A-Za-z0-9_-]{43}/);
    expect((email.attachments as { fileName: string }[]).map((a) => a.fileName)).toEqual(["quote-q-00001.pdf"]);
    const version = await db.quoteVersion.findFirstOrThrow({ where: { quoteId: q.id } });
    const pdf = await db.storedFile.findFirstOrThrow({ where: { entityType: "QuoteVersion", entityId: version.id } });
    expect(pdf).toMatchObject({ contentType: "application/pdf", fileName: "quote-q-00001.pdf" });
  }, 60_000);
});
