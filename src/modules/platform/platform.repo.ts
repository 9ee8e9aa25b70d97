/**
 * The platform console sees every company, but only counts and status: never tenant business
 * data. Cross-tenant by nature, so it uses the raw client, here and only here.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";

const TENANT_FIELDS = {
  id: true,
  name: true,
  slug: true,
  status: true,
  statusReason: true,
  trialEndsAt: true,
  createdAt: true,
  _count: { select: { memberships: { where: { status: "ACTIVE" as const } } } },
} satisfies Prisma.CompanySelect;

export async function listCompaniesWithCounts() {
  const db = unsafeUnscopedDb();
  const [companies, lastActivity] = await Promise.all([
    db.company.findMany({ orderBy: { name: "asc" }, select: TENANT_FIELDS }),
    db.auditEvent.groupBy({ by: ["companyId"], _max: { createdAt: true } }),
  ]);
  const last = new Map(lastActivity.map((r) => [r.companyId, r._max.createdAt]));
  return companies.map((c) => ({ ...c, userCount: c._count.memberships, lastActivityAt: last.get(c.id) ?? null }));
}

export type PlatformTx = Prisma.TransactionClient;

export async function platformTransaction<T>(fn: (tx: PlatformTx) => Promise<T>): Promise<T> {
  return unsafeUnscopedDb().$transaction(fn);
}

export async function findCompanyForUpdate(tx: PlatformTx, id: string) {
  return tx.company.findUnique({ where: { id }, select: { id: true, status: true, statusReason: true, trialEndsAt: true } });
}

export async function setCompanyStatus(tx: PlatformTx, id: string, status: "TRIAL" | "ACTIVE" | "SUSPENDED", statusReason: string | null) {
  await tx.company.update({ where: { id }, data: { status, statusReason } });
}

export async function findCompanyWithCounts(id: string) {
  const db = unsafeUnscopedDb();
  const company = await db.company.findUnique({ where: { id }, select: TENANT_FIELDS });
  if (!company) return null;
  const last = await db.auditEvent.aggregate({ where: { companyId: id }, _max: { createdAt: true } });
  return { ...company, userCount: company._count.memberships, lastActivityAt: last._max.createdAt };
}
