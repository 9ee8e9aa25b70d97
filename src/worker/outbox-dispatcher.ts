/**
 * Moves committed outbox messages to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED (several
 * dispatchers may run), added with jobId = their idempotency key (a duplicate add is ignored by
 * BullMQ), and marked dispatched in the same transaction. If Redis is down the transaction marks
 * the attempt and the messages wait for the next round: nothing is lost.
 */
import type { JobsOptions } from "bullmq";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { logger } from "@/server/logging/logger.ts";
import type { QueueName } from "@/server/queue/jobs.ts";
import { getQueue, jobIdFor } from "@/server/queue/queues.ts";

type Row = { id: string; queue: string; jobName: string; payload: unknown; idempotencyKey: string; priority: number };

const URGENT_PRIORITY = 1;
const NORMAL_PRIORITY = 5;

export async function dispatchOutboxBatch(limit = 200): Promise<number> {
  const db = unsafeUnscopedDb();
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Row[]>`
        SELECT "id", "queue", "jobName", "payload", "idempotencyKey", "priority"
        FROM "OutboxMessage"
        WHERE "status" = 'PENDING' AND "availableAt" <= now()
        ORDER BY "priority" DESC, "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      const byQueue = new Map<string, Row[]>();
      for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
      try {
        for (const [queue, items] of byQueue) {
          await getQueue(queue as QueueName).addBulk(
            items.map((r) => ({
              name: r.jobName,
              data: r.payload,
              opts: { jobId: jobIdFor(r.idempotencyKey), priority: r.priority > 0 ? URGENT_PRIORITY : NORMAL_PRIORITY } satisfies JobsOptions,
            })),
          );
        }
      } catch (err) {
        const message = (err as Error).message.slice(0, 500);
        await tx.$executeRaw`
          UPDATE "OutboxMessage"
          SET "attempts" = "attempts" + 1, "lastError" = ${message},
              "availableAt" = now() + make_interval(secs => LEAST(60, power(2, LEAST("attempts", 6)))::int)
          WHERE "id" = ANY(${rows.map((r) => r.id)}::uuid[])`;
        logger.warn({ count: rows.length, err: message }, "outbox dispatch failed; messages stay pending");
        return 0;
      }
      await tx.$executeRaw`
        UPDATE "OutboxMessage" SET "status" = 'DISPATCHED', "dispatchedAt" = now(), "attempts" = "attempts" + 1
        WHERE "id" = ANY(${rows.map((r) => r.id)}::uuid[])`;
      return rows.length;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/** Runs until the signal aborts: quick rounds while there is work, a short nap when there isn't. */
export async function runOutboxDispatcher(signal: AbortSignal, idleMs = 250): Promise<void> {
  while (!signal.aborted) {
    let moved = 0;
    try {
      moved = await dispatchOutboxBatch();
    } catch (err) {
      logger.warn({ err: (err as Error).message }, "outbox dispatcher round failed");
    }
    if (moved === 0) await new Promise((r) => setTimeout(r, idleMs));
  }
}
