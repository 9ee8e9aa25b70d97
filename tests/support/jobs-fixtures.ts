/** Jobs test fixtures: an accepted quote (through the real send and link acceptance), engineers, signatures. */
import type { Role } from "@/generated/prisma/client.ts";
import { acceptQuoteByLink } from "@/modules/quotes/acceptance.service.ts";
import { createQuote, sendQuote } from "@/modules/quotes/quotes.service.ts";
import { createQuoteInput } from "@/modules/quotes/quotes.schema.ts";
import { openSecret } from "@/server/auth/secret-box.ts";
import { anonymousContext, type TenantContext } from "@/server/context.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { SEALED_PROPS_PURPOSE } from "@/server/email/queue-email.ts";
import { contextFor, createUser } from "./factories.ts";
import { signatureDataUrl } from "./png.ts";

export const SIGNATURE = signatureDataUrl();

export const QUOTE_LINES = [
  { kind: "LABOUR" as const, description: "Install", quantityMilli: 2000, unitPricePence: 5000, vatRateBps: 2000 as const },
  { kind: "FIXED" as const, description: "White sockets", quantityMilli: 1000, unitPricePence: 2000, vatRateBps: 2000 as const, placement: "OPTION" as const, groupName: "Finish", optionName: "White" },
  { kind: "FIXED" as const, description: "Chrome sockets", quantityMilli: 1000, unitPricePence: 6000, vatRateBps: 2000 as const, placement: "OPTION" as const, groupName: "Finish", optionName: "Chrome" },
  { kind: "FIXED" as const, description: "USB-C sockets", quantityMilli: 1000, unitPricePence: 3000, vatRateBps: 2000 as const, placement: "ADDON" as const, addonName: "USB" },
  { kind: "FIXED" as const, description: "Smart switch", quantityMilli: 1000, unitPricePence: 4000, vatRateBps: 2000 as const, placement: "ADDON" as const, addonName: "Smart" },
];

export async function createClientWithSite(companyId: string, name = "Robert Ainsley") {
  const db = unsafeUnscopedDb();
  const client = await db.client.create({ data: { companyId, name, email: "robert@example.test" } });
  const site = await db.site.create({ data: { companyId, clientId: client.id, addressLine1: "1 High Street", town: "Leeds", postcode: "LS1 4AP" } });
  return { client, site };
}

/** A quote sent and accepted by its client with Finish: Chrome and the USB add-on. */
export async function acceptedQuote(ctx: TenantContext) {
  const { client, site } = await createClientWithSite(ctx.companyId);
  const q = await createQuote(ctx, createQuoteInput.parse({ clientId: client.id, siteId: site.id, title: "Kitchen sockets", lines: QUOTE_LINES }));
  await sendQuote(ctx, q.id);
  const m = await unsafeUnscopedDb().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `pdf:quote:${q.id}:v1` } });
  const email = (m.payload as { thenEmail: { payload: { sealedProps: string } } }).thenEmail.payload;
  const { url } = JSON.parse(openSecret(email.sealedProps, SEALED_PROPS_PURPOSE)) as { url: string };
  const token = url.split("/q/")[1]!;
  await acceptQuoteByLink(anonymousContext({ ip: "203.0.113.9" }), token, {
    version: 1,
    choice: { options: { Finish: "Chrome" }, addons: ["USB"] },
    signerName: "Robert Ainsley",
    signature: SIGNATURE,
    acceptTerms: true,
  });
  return { quoteId: q.id, client, site };
}

export async function member(companyId: string, role: Role, name?: string) {
  const user = await createUser({ companyId, role, name });
  return { user, ctx: contextFor(user, companyId, role) };
}
