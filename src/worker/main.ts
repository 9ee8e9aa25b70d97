/**
 * The worker process: everything slow or external runs here, never in the web process.
 * Starts only once PostgreSQL and Redis answer, reports a heartbeat the web's /api/health reads,
 * and shuts down gracefully on SIGTERM/SIGINT.
 */
process.env.QT_SERVICE ??= "worker";

import { hostname } from "node:os";
import { loadDotEnv } from "@/server/config/dotenv.ts";
import { envOrExit } from "@/server/config/env.ts";
import { disconnectDb, unsafeUnscopedDb } from "@/server/db/client.ts";
import { workerHeartbeatKey } from "@/server/health/health.ts";
import { logger } from "@/server/logging/logger.ts";
import { initSentry } from "@/server/logging/sentry.ts";
import { createRedis } from "@/server/redis/redis.ts";

const HEARTBEAT_EVERY_MS = 10_000;
const HEARTBEAT_TTL_S = 120;

async function waitFor(name: string, probe: () => Promise<unknown>, signal: AbortSignal) {
  for (let attempt = 1; !signal.aborted; attempt++) {
    try {
      await probe();
      logger.info({ dependency: name }, "dependency ready");
      return;
    } catch (err) {
      const delay = Math.min(attempt * 500, 5000);
      logger.warn({ dependency: name, attempt, err: (err as Error).message, retryInMs: delay }, "waiting for dependency");
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

async function main() {
  loadDotEnv();
  const e = envOrExit();
  initSentry(e.SENTRY_DSN, "worker");
  const stop = new AbortController();
  const redis = createRedis("worker");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    stop.abort();
    clearInterval(heartbeat);
    try {
      await redis.del(workerHeartbeatKey());
    } catch {
      logger.warn("could not clear the heartbeat on shutdown");
    }
    redis.disconnect();
    await disconnectDb();
    logger.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await waitFor("postgres", () => unsafeUnscopedDb().$queryRaw`SELECT 1`, stop.signal);
  await waitFor("redis", () => redis.ping(), stop.signal);
  const policy = await redis.config("GET", "maxmemory-policy").catch(() => null);
  if (Array.isArray(policy) && policy[1] !== "noeviction") {
    logger.warn({ policy: policy[1] }, "Redis maxmemory-policy should be noeviction, or queued jobs may be evicted");
  }

  const beat = () =>
    redis
      .set(workerHeartbeatKey(), JSON.stringify({ at: Date.now(), pid: process.pid, host: hostname() }), "EX", HEARTBEAT_TTL_S)
      .catch((err: Error) => logger.warn({ err: err.message }, "heartbeat failed"));
  await beat();
  const heartbeat = setInterval(beat, HEARTBEAT_EVERY_MS);
  logger.info({ pid: process.pid }, "worker started");
}

main().catch((err: unknown) => {
  logger.fatal({ err }, "worker failed to start");
  process.exit(1);
});
