/**
 * Redis connections. The web's connection fails fast (no offline queue, one retry per request)
 * so a Redis outage is a quick 503, not a hung request; workers get their own connections
 * with `maxRetriesPerRequest: null` as BullMQ requires.
 */
import { Redis, type RedisOptions } from "ioredis";
import { env } from "../config/env.ts";
import { logger } from "../logging/logger.ts";

export function createRedis(kind: "producer" | "worker", extra: RedisOptions = {}): Redis {
  const base: RedisOptions =
    kind === "producer"
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false }
      : { maxRetriesPerRequest: null, enableReadyCheck: true };
  const client = new Redis(env().REDIS_URL, {
    ...base,
    // Reconnect forever with a capped back-off: Redis coming back must heal the process.
    retryStrategy: (times) => Math.min(times * 200, 5000),
    ...extra,
  });
  client.on("error", (err: Error) => logger.warn({ err: err.message, kind }, "redis connection error"));
  return client;
}

const globalForRedis = globalThis as unknown as { __qtRedis?: Redis };

/** The process-wide producer connection (rate limits, health, enqueue). */
export function redis(): Redis {
  globalForRedis.__qtRedis ??= createRedis("producer");
  return globalForRedis.__qtRedis;
}

/**
 * The producer connection once it is ready. With the offline queue off, a command sent while
 * (re)connecting fails at once; this waits briefly for the connection instead, then gives up.
 */
export async function readyRedis(timeoutMs = 2000): Promise<Redis> {
  const client = redis();
  if (client.status === "ready") return client;
  if (client.status === "end" || client.status === "wait") void client.connect().catch((err: Error) => logger.debug({ err: err.message }, "redis connect failed; waiting for retry"));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off("ready", onReady);
      reject(new Error(`Redis not ready after ${timeoutMs} ms (${client.status})`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once("ready", onReady);
  });
  return client;
}

/** Key with the install's prefix, so tests and several installs can share one Redis. */
export function redisKey(...parts: string[]): string {
  return [env().REDIS_PREFIX, ...parts].join(":");
}

export async function disconnectRedis(): Promise<void> {
  const client = globalForRedis.__qtRedis;
  globalForRedis.__qtRedis = undefined;
  if (client) client.disconnect();
}
