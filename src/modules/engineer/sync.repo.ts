/** SyncAction rows: one per device action received, by its client-generated id (unique per company). */
import type { Prisma, SyncActionStatus } from "@/generated/prisma/client.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";

type Db = TenantDb | TenantTx;

export async function findSyncAction(db: Db, clientActionId: string) {
  // The tenant scope adds companyId: this is the (companyId, clientActionId) unique index.
  return db.syncAction.findFirst({ where: { clientActionId } });
}

export type SyncActionRecord = {
  companyId: string;
  clientActionId: string;
  userId: string;
  jobId: string | null;
  type: string;
  status: SyncActionStatus;
  result: Prisma.InputJsonValue;
  occurredAt: Date;
};

export async function insertSyncAction(db: Db, row: SyncActionRecord) {
  return db.syncAction.create({ data: row });
}

/** The running clock entry of this engineer on this job (at most one is open at a time). */
export async function findRunningEntry(db: Db, engineerId: string, jobId: string) {
  return db.timeEntry.findFirst({ where: { engineerId, jobId, endedAt: null }, orderBy: { startedAt: "desc" }, select: { id: true, breakStartedAt: true } });
}
