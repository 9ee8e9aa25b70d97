import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { logger } from "@/server/logging/logger.ts";
import { claimExecution, completeExecution, ExecutionBusy } from "@/server/queue/execution.ts";
import type { JobPayload } from "@/server/queue/jobs.ts";

const KEEP_DAYS = 30;

/** Deletes sessions and sign-in tokens that ended more than 30 days ago. Once per period. */
export async function cleanUpSessions(key: string, p: JobPayload<"maintenance.session-cleanup">) {
  const claim = await claimExecution(key, "maintenance", "maintenance.session-cleanup", 60_000);
  if (claim === "done") return { duplicate: true };
  if (claim === "busy") throw new ExecutionBusy(key);
  const cutoff = new Date(Date.now() - KEEP_DAYS * 24 * 3600_000);
  const db = unsafeUnscopedDb();
  return db.$transaction(async (tx) => {
    const sessions = await tx.session.deleteMany({
      where: { OR: [{ absoluteExpiresAt: { lt: cutoff } }, { idleExpiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
    });
    const tokens = await tx.authToken.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { usedAt: { lt: cutoff } }] } });
    await tx.auditEvent.create({
      data: { entityType: "Maintenance", action: "maintenance.session_cleanup", metadata: { period: p.period, sessions: sessions.count, tokens: tokens.count }, idempotencyKey: `maintenance:${key}` },
    });
    await completeExecution(tx, key);
    logger.info({ sessions: sessions.count, tokens: tokens.count }, "session cleanup done");
    return { sessions: sessions.count, tokens: tokens.count };
  });
}
