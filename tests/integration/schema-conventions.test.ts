/**
 * The data conventions, checked against the migrated database rather than remembered:
 * tenant tables carry companyId with UNIQUE(companyId, id), their indexes lead with companyId,
 * references between tenant tables are composite (companyId, xId), AuditEvent is append-only,
 * and TENANT_MODELS matches the schema.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { TENANT_MODELS } from "@/server/db/tenancy.ts";
import { tenantWithAdmin } from "../support/factories.ts";

/** Indexes on tenant tables that serve platform-level work, not tenant queries. */
const PLATFORM_INDEXES = new Set([
  "CompanyMembership_userId_idx", // a user's companies, at sign-in and company switch
  "AuditEvent_idempotencyKey_key",
  "OutboxMessage_idempotencyKey_key",
  "OutboxMessage_status_availableAt_idx",
  "EmailMessage_idempotencyKey_key",
  "EmailMessage_to_idx", // the development mailbox looks mail up by recipient (filtered by company too)
  "StoredFile_storageKey_key",
  "QuoteLink_tokenHash_key", // a client's link is looked up by its token before any tenant is known
  "InvoiceLink_tokenHash_key", // likewise for an invoice link
  "Payment_stripePaymentIntentId_key", // Stripe ids are global; webhooks find the payment before the tenant
  "PaymentRefund_stripeRefundId_key",
  "StripeCheckoutSession_stripeSessionId_key",
]);

async function tenantTables(): Promise<string[]> {
  const rows = await unsafeUnscopedDb().$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'companyId' ORDER BY table_name`;
  return rows.map((r) => r.table_name);
}

describe("schema conventions", () => {
  it("TENANT_MODELS lists exactly the models with a companyId", async () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
      .filter(([, , body]) => /^\s+companyId\s/m.test(body!))
      .map(([, name]) => name);
    expect([...TENANT_MODELS].sort()).toEqual(models.sort());
    expect((await tenantTables()).sort()).toEqual(models.sort());
  });

  it("every tenant table has UNIQUE(companyId, id) and indexes that start with companyId", async () => {
    const indexes = await unsafeUnscopedDb().$queryRaw<{ tablename: string; indexname: string; indexdef: string }[]>`
      SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`;
    for (const table of await tenantTables()) {
      const own = indexes.filter((i) => i.tablename === table && i.indexname !== `${table}_pkey` && !PLATFORM_INDEXES.has(i.indexname));
      expect(own.some((i) => i.indexdef.includes('UNIQUE') && i.indexdef.endsWith('("companyId", id)')), `${table} UNIQUE(companyId,id)`).toBe(true);
      for (const i of own) expect(i.indexdef, `${i.indexname} should start with companyId`).toMatch(/\("companyId"/);
    }
  });

  it("references between tenant tables are composite foreign keys including companyId", async () => {
    const tables = new Set(await tenantTables());
    const fks = await unsafeUnscopedDb().$queryRaw<{ conname: string; src: string; dst: string; cols: string[] }[]>`
      SELECT c.conname, s.relname AS src, d.relname AS dst,
             ARRAY(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS cols
      FROM pg_constraint c JOIN pg_class s ON s.oid = c.conrelid JOIN pg_class d ON d.oid = c.confrelid
      WHERE c.contype = 'f'`;
    const between = fks.filter((f) => tables.has(f.src) && tables.has(f.dst));
    for (const fk of between) expect(fk.cols, fk.conname).toContain("companyId");
  });

  it("AuditEvent rows cannot be changed or deleted", async () => {
    const { ctx } = await tenantWithAdmin();
    const ev = await ctx.db.auditEvent.create({ data: { companyId: ctx.companyId, entityType: "Test", action: "test.done" } });
    await expect(unsafeUnscopedDb().auditEvent.update({ where: { id: ev.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(unsafeUnscopedDb().auditEvent.delete({ where: { id: ev.id } })).rejects.toThrow(/append-only/);
    expect((await unsafeUnscopedDb().auditEvent.findUniqueOrThrow({ where: { id: ev.id } })).action).toBe("test.done");
  });
});
