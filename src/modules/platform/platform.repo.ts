/**
 * The platform console sees every company, but only counts and status: never tenant business
 * data. Cross-tenant by nature, so it uses the raw client, here and only here.
 */
import { unsafeUnscopedDb } from "@/server/db/client.ts";

export async function listCompaniesWithCounts() {
  const db = unsafeUnscopedDb();
  const [companies, lastActivity] = await Promise.all([
    db.company.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true, status: true, trialEndsAt: true, createdAt: true, _count: { select: { memberships: { where: { status: "ACTIVE" } } } } },
    }),
    db.auditEvent.groupBy({ by: ["companyId"], _max: { createdAt: true } }),
  ]);
  const last = new Map(lastActivity.map((r) => [r.companyId, r._max.createdAt]));
  return companies.map((c) => ({ ...c, userCount: c._count.memberships, lastActivityAt: last.get(c.id) ?? null }));
}
