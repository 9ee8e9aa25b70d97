import { describe, expect, it } from "vitest";
import { expireDueQuotes } from "@/modules/quotes/quote-expiry.ts";
import { createQuote, sendQuote } from "@/modules/quotes/quotes.service.ts";
import { createQuoteInput } from "@/modules/quotes/quotes.schema.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { runCronTask } from "@/server/cron/cron.ts";
import { tenantWithAdmin } from "../support/factories.ts";

describe("quote expiry", () => {
  it("expires sent quotes past their date once, audited; drafts and valid quotes stay", async () => {
    const t = await tenantWithAdmin();
    const client = await unsafeUnscopedDb().client.create({ data: { companyId: t.company.id, name: "C", email: "c@example.test" } });
    const line = { kind: "FIXED", description: "Work", quantityMilli: 1000, unitPricePence: 1000, vatRateBps: 2000 };
    const make = async (validUntil: string, send: boolean) => {
      const q = await createQuote(t.ctx, createQuoteInput.parse({ clientId: client.id, title: validUntil, validUntil, lines: [line] }));
      if (send) await sendQuote(t.ctx, q.id);
      return q.id;
    };
    const old = await make("2026-11-01", true);
    const draft = await make("2026-11-01", false);
    const current = await make("2026-12-31", true);
    expect(await expireDueQuotes("2026-11-22")).toBe(1);
    expect(await expireDueQuotes("2026-11-22")).toBe(0);
    const statuses = await unsafeUnscopedDb().quote.findMany({ where: { id: { in: [old, draft, current] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [old]: "EXPIRED", [draft]: "DRAFT", [current]: "SENT" });
    expect(await t.ctx.db.auditEvent.count({ where: { action: "quote.expired", entityId: old } })).toBe(1);
  });

  it("is enqueued once per day by the cron endpoint's task", async () => {
    const first = await runCronTask("quote-expiry", new Date("2026-11-22T00:05:00Z"));
    const again = await runCronTask("quote-expiry", new Date("2026-11-22T09:00:00Z"));
    expect(first).toEqual({ task: "quote-expiry", period: "2026-11-22", enqueued: true });
    expect(again?.enqueued).toBe(false);
  });
});
