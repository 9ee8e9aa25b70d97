/**
 * Liveness of the parts the product needs. PostgreSQL and Redis failing make the web unhealthy
 * (503); a stale worker heartbeat is reported but does not (the web can still serve).
 */
import { unsafeUnscopedDb } from "../db/client.ts";
import { readyRedis, redisKey } from "../redis/redis.ts";

export type PartStatus = "ok" | "down";
export type HealthReport = {
  status: "ok" | "degraded";
  db: PartStatus;
  redis: PartStatus;
  worker: "ok" | "stale";
  workerLastSeenAt: string | null;
  checkedAt: string;
};

export const WORKER_HEARTBEAT_FRESH_MS = 60_000;
const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
}

async function check(fn: () => Promise<unknown>): Promise<PartStatus> {
  try {
    await withTimeout(fn(), CHECK_TIMEOUT_MS);
    return "ok";
  } catch {
    return "down";
  }
}

export function workerHeartbeatKey(): string {
  return redisKey("worker", "heartbeat");
}

export async function checkHealth(now = new Date()): Promise<HealthReport> {
  let heartbeat: string | null = null;
  const [db, redisStatus] = await Promise.all([
    check(() => unsafeUnscopedDb().$queryRaw`SELECT 1`),
    check(async () => {
      heartbeat = await (await readyRedis(CHECK_TIMEOUT_MS)).get(workerHeartbeatKey());
    }),
  ]);
  const lastSeen = heartbeat ? new Date(Number(JSON.parse(heartbeat).at ?? 0)) : null;
  const fresh = lastSeen !== null && now.getTime() - lastSeen.getTime() < WORKER_HEARTBEAT_FRESH_MS;
  return {
    status: db === "ok" && redisStatus === "ok" ? "ok" : "degraded",
    db,
    redis: redisStatus,
    worker: fresh ? "ok" : "stale",
    workerLastSeenAt: lastSeen?.toISOString() ?? null,
    checkedAt: now.toISOString(),
  };
}
