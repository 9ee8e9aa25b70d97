/**
 * The worker process: everything slow or external runs here, never in the web process.
 * Starts consuming only once PostgreSQL and Redis answer; SIGTERM/SIGINT stop it gracefully.
 */
process.env.QT_SERVICE ??= "worker";

import { loadDotEnv } from "@/server/config/dotenv.ts";
import { envOrExit } from "@/server/config/env.ts";
import { disconnectDb, unsafeUnscopedDb } from "@/server/db/client.ts";
import { logger } from "@/server/logging/logger.ts";
import { initSentry } from "@/server/logging/sentry.ts";
import { createRedis } from "@/server/redis/redis.ts";
import { startRuntime } from "./runtime.ts";

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
  const starting = new AbortController();
  let runtime: Awaited<ReturnType<typeof startRuntime>> | null = null;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    starting.abort();
    await runtime?.stop();
    await disconnectDb();
    logger.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  const probe = createRedis("worker");
  await waitFor("postgres", () => unsafeUnscopedDb().$queryRaw`SELECT 1`, starting.signal);
  await waitFor("redis", () => probe.ping(), starting.signal);
  const policy = await probe.config("GET", "maxmemory-policy").catch((err: Error) => {
    logger.warn({ err: err.message }, "could not read Redis maxmemory-policy");
    return null;
  });
  if (Array.isArray(policy) && policy[1] !== "noeviction") {
    logger.warn({ policy: policy[1] }, "Redis maxmemory-policy should be noeviction, or queued jobs may be evicted");
  }
  probe.disconnect();
  if (starting.signal.aborted) return;

  runtime = await startRuntime();
  logger.info({ pid: process.pid }, "worker started");
}

main().catch((err: unknown) => {
  logger.fatal({ err }, "worker failed to start");
  process.exit(1);
});
