/**
 * Demo quotes for both companies, one in every status, made through the real services (numbers,
 * totals, versions, links, agreements and their emails/PDFs exactly as the product makes them).
 * Idempotent: a company that already has quotes is left alone.
 */
import { openSecret } from "../src/server/auth/secret-box.ts";
import { anonymousContext, requireTenant } from "../src/server/context.ts";
import { unsafeUnscopedDb } from "../src/server/db/client.ts";
import { SEALED_PROPS_PURPOSE } from "../src/server/email/queue-email.ts";
import { effectiveCapabilities } from "../src/modules/identity/permissions.ts";
import { acceptQuoteByLink, respondToQuoteByLink, viewQuoteByLink } from "../src/modules/quotes/acceptance.service.ts";
import { expireDueQuotes } from "../src/modules/quotes/quote-expiry.ts";
import { createQuote, sendQuote } from "../src/modules/quotes/quotes.service.ts";
import { createQuoteInput } from "../src/modules/quotes/quotes.schema.ts";
import { signatureDataUrl } from "../tests/support/png.ts";

type Line = Record<string, unknown>;
const labour = (description: string, hours: number, rate: number): Line => ({ kind: "LABOUR", description, quantityMilli: hours * 1000, unitPricePence: rate * 100, vatRateBps: 2000 });
const item = (description: string, pounds: number, extra: Line = {}): Line => ({ kind: "MATERIALS", description, quantityMilli: 1000, unitPricePence: pounds * 100, markupBps: 1500, vatRateBps: 2000, ...extra });

const QUOTES: { title: string; status: "DRAFT" | "SENT" | "VIEWED" | "ACCEPTED" | "DECLINED" | "EXPIRED"; lines: Line[] }[] = [
  { title: "Consumer unit upgrade", status: "ACCEPTED", lines: [labour("Replace consumer unit, test and certify", 6, 48), item("10-way RCBO consumer unit", 285), item("Type 2 surge protection", 85, { placement: "ADDON", addonName: "Surge protection" })] },
  { title: "EICR for rental property", status: "VIEWED", lines: [labour("Electrical installation condition report, up to 10 circuits", 3, 55), labour("Remedial work allowance", 2, 48)] },
  { title: "Garden room power and lighting", status: "SENT", lines: [labour("SWA cable run and connection", 8, 45), item("Standard LED downlights (6)", 120, { placement: "OPTION", groupName: "Lighting", optionName: "Standard" }), item("Smart dimmable downlights (6)", 260, { placement: "OPTION", groupName: "Lighting", optionName: "Smart" })] },
  { title: "Kitchen rewire", status: "DRAFT", lines: [labour("First and second fix, kitchen circuits", 14, 45), item("Cable, boxes and accessories", 240)] },
  { title: "Outside lighting", status: "DECLINED", lines: [labour("Install 4 PIR floodlights", 4, 45), item("LED PIR floodlights (4)", 160)] },
  { title: "Loft lighting and sockets", status: "EXPIRED", lines: [labour("Loft lighting circuit and two sockets", 5, 45), item("Batten lights and accessories", 95)] },
];

function tokenFromOutbox(payload: unknown): string {
  const sealed = (payload as { thenEmail: { payload: { sealedProps: string } } }).thenEmail.payload.sealedProps;
  return (JSON.parse(openSecret(sealed, SEALED_PROPS_PURPOSE)) as { url: string }).url.split("/q/")[1]!;
}

export async function seedQuotes(slugs: string[]): Promise<number> {
  const db = unsafeUnscopedDb();
  let created = 0;
  for (const slug of slugs) {
    const company = await db.company.findUniqueOrThrow({ where: { slug } });
    if (await db.quote.count({ where: { companyId: company.id } })) continue;
    const admin = await db.user.findUniqueOrThrow({ where: { email: `admin@${slug}.test` } });
    const ctx = requireTenant({
      ...anonymousContext({ requestId: "seed" }),
      user: { id: admin.id, email: admin.email, name: admin.name, isPlatformOperator: false },
      companyId: company.id,
      companyStatus: "ACTIVE",
      role: "ADMIN",
      capabilities: effectiveCapabilities("ADMIN"),
    });
    const clients = await db.client.findMany({ where: { companyId: company.id, email: { not: null } }, orderBy: { name: "asc" }, take: QUOTES.length });
    const visitor = anonymousContext({ requestId: "seed", ip: "192.0.2.10", userAgent: "Demo data" });
    for (const [i, spec] of QUOTES.entries()) {
      const client = clients[i % clients.length]!;
      const validUntil = spec.status === "EXPIRED" ? new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10) : undefined;
      const quote = await createQuote(ctx, createQuoteInput.parse({ clientId: client.id, title: spec.title, lines: spec.lines, validUntil, terms: "50% deposit on booking, balance on completion. Prices include VAT at the rates shown." }));
      created++;
      if (spec.status === "DRAFT") continue;
      await sendQuote(ctx, quote.id);
      const outbox = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `pdf:quote:${quote.id}:v1` } });
      const token = tokenFromOutbox(outbox.payload);
      if (spec.status === "VIEWED" || spec.status === "ACCEPTED" || spec.status === "DECLINED") await viewQuoteByLink(visitor, token);
      if (spec.status === "ACCEPTED") {
        await acceptQuoteByLink(visitor, token, { version: 1, choice: { options: {}, addons: ["Surge protection"] }, signerName: client.name, signature: signatureDataUrl(), acceptTerms: true });
      }
      if (spec.status === "DECLINED") await respondToQuoteByLink(visitor, token, { version: 1, action: "decline", comment: "We've decided to leave this until next year." });
    }
    await expireDueQuotes(new Date().toISOString().slice(0, 10));
  }
  return created;
}
