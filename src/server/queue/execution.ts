/**
 * Effectively-once side effects. A processor claims its idempotency key (a unique JobExecution
 * row) before the side effect and marks it complete in the same transaction that records the
 * result. A duplicate or retried job whose key is complete does nothing and succeeds; one whose
 * key is held by a live lease is retried later; an expired lease (a killed worker) is taken over.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { unsafeUnscopedDb } from "../db/client.ts";

export type Claim = "claimed" | "done" | "busy";

export class ExecutionBusy extends Error {
  constructor(key: string) {
    super(`Another attempt holds ${key}; retrying later`);
    this.name = "ExecutionBusy";
  }
}

export async function claimExecution(key: string, queue: string, jobName: string, leaseMs: number): Promise<Claim> {
  const db = unsafeUnscopedDb();
  const rows = await db.$queryRaw<{ status: string }[]>`
    INSERT INTO "JobExecution" ("id", "idempotencyKey", "queue", "jobName", "status", "attempts", "leaseUntil", "startedAt")
    VALUES (gen_random_uuid(), ${key}, ${queue}, ${jobName}, 'RUNNING', 1, now() + make_interval(secs => ${leaseMs / 1000}), now())
    ON CONFLICT ("idempotencyKey") DO UPDATE
      SET "attempts" = "JobExecution"."attempts" + 1,
          "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
      WHERE "JobExecution"."status" = 'RUNNING' AND "JobExecution"."leaseUntil" < now()
    RETURNING "status"`;
  if (rows.length === 1) return "claimed";
  const existing = await db.jobExecution.findUnique({ where: { idempotencyKey: key }, select: { status: true } });
  return existing?.status === "COMPLETED" ? "done" : "busy";
}

/** Lets the next attempt claim at once (the side effect failed and will be retried). */
export async function releaseExecution(key: string, error: string): Promise<void> {
  await unsafeUnscopedDb().jobExecution.updateMany({
    where: { idempotencyKey: key, status: "RUNNING" },
    data: { leaseUntil: new Date(0), lastError: error.slice(0, 2000) },
  });
}

/** Any transaction client (raw or tenant-scoped): JobExecution is platform-level. */
type Tx = { jobExecution: { update(args: { where: { idempotencyKey: string }; data: Prisma.JobExecutionUpdateInput }): PromiseLike<unknown> } };

/** Marks the key complete; call inside the transaction that records the side effect. */
export async function completeExecution(tx: Tx, key: string): Promise<void> {
  await tx.jobExecution.update({ where: { idempotencyKey: key }, data: { status: "COMPLETED", completedAt: new Date() } });
}
