/** Billing fixtures for payments, reminders and reports tests: clients and issued invoices made through the real services. */
import { randomBytes } from "node:crypto";
import type { TenantContext } from "@/server/context.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { createBlankInvoice, createInvoiceLink, issueInvoice } from "@/modules/invoices/invoices.service.ts";

export async function createBillingClient(companyId: string, opts: { kind?: "PERSON" | "ORGANISATION"; name?: string; paymentTermsDays?: number } = {}) {
  const id = randomBytes(3).toString("hex");
  const email = `client-${id}@example.test`;
  const client = await unsafeUnscopedDb().client.create({
    data: {
      companyId,
      kind: opts.kind ?? "PERSON",
      name: opts.name ?? `Client ${id}`,
      email,
      paymentTermsDays: opts.paymentTermsDays ?? null,
    },
  });
  await unsafeUnscopedDb().clientContact.create({ data: { companyId, clientId: client.id, name: opts.name ?? `Contact ${id}`, email } });
  return client;
}

/** A draft with one 20%-VAT fixed line of `netPence`, issued at `issuedAt` (gross = net × 1.2). */
export async function issuedInvoice(ctx: TenantContext, clientId: string, netPence: number, issuedAt = new Date(), lines?: { netPence: number; vatRateBps: 2000 | 500 | 0 | null }[]) {
  const draft = await createBlankInvoice(ctx, {
    clientId,
    title: "Rewire and consumer unit",
    lines: (lines ?? [{ netPence, vatRateBps: 2000 as const }]).map((l, i) => ({
      kind: "FIXED" as const,
      description: `Work ${i + 1}`,
      quantityMilli: 1000,
      unitPricePence: l.netPence,
      discountBps: 0,
      vatRateBps: l.vatRateBps,
    })),
  });
  return issueInvoice(ctx, draft.id, issuedAt);
}

export async function invoiceToken(ctx: TenantContext, invoiceId: string) {
  return ctx.db.$transaction((tx) => createInvoiceLink(tx, ctx, invoiceId));
}
