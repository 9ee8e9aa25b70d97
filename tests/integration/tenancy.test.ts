import { describe, expect, it } from "vitest";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { guardedDb, tenantDb, TenancyViolation } from "@/server/db/tenancy.ts";
import { createCompany, createUser } from "../support/factories.ts";

async function twoTenants() {
  const a = await createCompany({ name: "Alpha Electrical" });
  const b = await createCompany({ name: "Bravo Plumbing" });
  const ua = await createUser({ companyId: a.id });
  const ub = await createUser({ companyId: b.id });
  await tenantDb(a.id).counter.create({ data: { companyId: a.id, key: "invoice", value: 7 } });
  await tenantDb(b.id).counter.create({ data: { companyId: b.id, key: "invoice", value: 42 } });
  return { a, b, ua, ub };
}

describe("tenant-scoped client", () => {
  it("reads only the tenant's own rows", async () => {
    const { a, b } = await twoTenants();
    const rowsA = await tenantDb(a.id).counter.findMany();
    expect(rowsA.map((r) => r.value)).toEqual([7]);
    expect(await tenantDb(b.id).counter.count()).toBe(1);
    const bRow = await unsafeUnscopedDb().counter.findFirstOrThrow({ where: { companyId: b.id } });
    // Another tenant's row by its id: nothing, whichever read is used.
    expect(await tenantDb(a.id).counter.findUnique({ where: { id: bRow.id } })).toBeNull();
    expect(await tenantDb(a.id).counter.findFirst({ where: { id: bRow.id } })).toBeNull();
    expect(await tenantDb(a.id).counter.findMany({ where: { OR: [{ id: bRow.id }, { key: "invoice" }] } })).toHaveLength(1);
    await expect(tenantDb(a.id).counter.findUniqueOrThrow({ where: { id: bRow.id } })).rejects.toMatchObject({ code: "P2025" });
  });

  it("writes affect nothing in another tenant", async () => {
    const { a, b } = await twoTenants();
    const bRow = await unsafeUnscopedDb().counter.findFirstOrThrow({ where: { companyId: b.id } });
    const updated = await tenantDb(a.id).counter.updateMany({ where: { id: bRow.id }, data: { value: 0 } });
    expect(updated.count).toBe(0);
    const deleted = await tenantDb(a.id).counter.deleteMany({});
    expect(deleted.count).toBe(1); // only its own row
    await expect(tenantDb(a.id).counter.update({ where: { id: bRow.id }, data: { value: 0 } })).rejects.toMatchObject({ code: "P2025" });
    await expect(tenantDb(a.id).counter.delete({ where: { id: bRow.id } })).rejects.toMatchObject({ code: "P2025" });
    const after = await unsafeUnscopedDb().counter.findUniqueOrThrow({ where: { id: bRow.id } });
    expect(after.value).toBe(42);
  });

  it("stamps creates with the tenant and refuses another tenant's id in data", async () => {
    const { a, b } = await twoTenants();
    // The extension stamps the tenant even when the caller's types are bypassed…
    const row = await tenantDb(a.id).counter.create({ data: { key: "quote" } as never });
    expect(row.companyId).toBe(a.id);
    await expect(tenantDb(a.id).counter.create({ data: { key: "job", companyId: b.id } })).rejects.toBeInstanceOf(TenancyViolation);
    await expect(
      tenantDb(a.id).counter.createMany({ data: [{ companyId: a.id, key: "x" }, { key: "y", companyId: b.id }] }),
    ).rejects.toBeInstanceOf(TenancyViolation);
    await expect(tenantDb(a.id).counter.updateMany({ data: { companyId: b.id } as never })).rejects.toBeInstanceOf(TenancyViolation);
    expect(await unsafeUnscopedDb().counter.count({ where: { companyId: b.id } })).toBe(1);
  });

  it("upsert only ever touches or creates the tenant's own row", async () => {
    const { a, b } = await twoTenants();
    const bRow = await unsafeUnscopedDb().counter.findFirstOrThrow({ where: { companyId: b.id } });
    const r = await tenantDb(a.id).counter.upsert({
      where: { companyId_key: { companyId: a.id, key: "invoice" } },
      create: { companyId: a.id, key: "invoice", value: 1 },
      update: { value: { increment: 1 } },
    });
    expect(r.value).toBe(8);
    expect((await unsafeUnscopedDb().counter.findUniqueOrThrow({ where: { id: bRow.id } })).value).toBe(42);
  });

  it("refuses a tenant-model query without a tenant", async () => {
    await createCompany();
    await expect(guardedDb().counter.findMany()).rejects.toThrow(/TenantScopeMissing/);
    await expect(guardedDb().auditEvent.create({ data: { entityType: "X", action: "y" } })).rejects.toThrow(/TenantScopeMissing/);
    expect(() => tenantDb("")).toThrow(TenancyViolation);
    // Non-tenant models stay usable without a tenant.
    expect(await guardedDb().company.count()).toBeGreaterThan(0);
  });

  it("narrows Company to the tenant's own row", async () => {
    const { a, b } = await twoTenants();
    expect((await tenantDb(a.id).company.findMany()).map((c) => c.id)).toEqual([a.id]);
    expect(await tenantDb(a.id).company.findUnique({ where: { id: b.id } })).toBeNull();
    const res = await tenantDb(a.id).company.updateMany({ where: { id: b.id }, data: { name: "Hijacked" } });
    expect(res.count).toBe(0);
    expect((await unsafeUnscopedDb().company.findUniqueOrThrow({ where: { id: b.id } })).name).toBe("Bravo Plumbing");
  });

  it("keeps scoping inside interactive transactions", async () => {
    const { a, b } = await twoTenants();
    const seen = await tenantDb(a.id).$transaction(async (tx) => {
      await tx.counter.create({ data: { companyId: a.id, key: "tx" } });
      return tx.counter.findMany({ orderBy: { key: "asc" } });
    });
    expect(seen.map((r) => r.companyId)).toEqual([a.id, a.id]);
    expect(await tenantDb(b.id).counter.count()).toBe(1);
  });

  it("membership reads for a user in two companies are separated per tenant", async () => {
    const { a, b, ua } = await twoTenants();
    await unsafeUnscopedDb().companyMembership.create({ data: { companyId: b.id, userId: ua.id, role: "OFFICE" } });
    const inA = await tenantDb(a.id).companyMembership.findMany({ where: { userId: ua.id } });
    const inB = await tenantDb(b.id).companyMembership.findMany({ where: { userId: ua.id } });
    expect(inA.map((m) => m.role)).toEqual(["ADMIN"]);
    expect(inB.map((m) => m.role)).toEqual(["OFFICE"]);
  });
});
