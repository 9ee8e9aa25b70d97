import type { TenantTx } from "@/server/db/tenancy.ts";

/**
 * The next value of a per-company counter, inside the caller's transaction: the row is locked by
 * the increment until commit, so numbers are gapless and never handed out twice.
 */
export async function nextCounterValue(tx: TenantTx, companyId: string, key: string): Promise<number> {
  const row = await tx.counter.upsert({
    where: { companyId_key: { companyId, key } },
    create: { companyId, key, value: 1 },
    update: { value: { increment: 1 } },
  });
  return row.value;
}
