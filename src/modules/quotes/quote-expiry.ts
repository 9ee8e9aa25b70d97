/**
 * The daily expiry run: every SENT or VIEWED quote whose validUntil has passed becomes EXPIRED,
 * audited per quote. Cross-company by nature (one job for all tenants), so it reads the candidates
 * with the raw client and changes each through its company's scoped client.
 */
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { tenantDb } from "@/server/db/tenancy.ts";

export async function expireDueQuotes(today: string): Promise<number> {
  const due = await unsafeUnscopedDb().quote.findMany({
    where: { status: { in: ["SENT", "VIEWED"] }, validUntil: { lt: new Date(`${today}T00:00:00Z`) } },
    select: { id: true, companyId: true, status: true, validUntil: true },
    take: 5000,
  });
  let expired = 0;
  for (const q of due) {
    const db = tenantDb(q.companyId);
    await db.$transaction(async (tx) => {
      const changed = await tx.quote.updateMany({ where: { id: q.id, status: { in: ["SENT", "VIEWED"] } }, data: { status: "EXPIRED" } });
      if (changed.count !== 1) return;
      expired++;
      await tx.auditEvent.create({
        data: {
          companyId: q.companyId,
          entityType: "Quote",
          entityId: q.id,
          action: "quote.expired",
          before: { status: q.status },
          after: { status: "EXPIRED", validUntil: q.validUntil.toISOString().slice(0, 10) },
          idempotencyKey: `quote.expired:${q.id}`,
        },
      });
    });
  }
  return expired;
}
