/**
 * BullMQ queues (producer side). Used by the worker's outbox dispatcher and by the admin
 * system pages; web requests never write to Redis directly for side effects (they use the outbox).
 */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { env } from "../config/env.ts";
import { logger } from "../logging/logger.ts";
import { createRedis } from "../redis/redis.ts";
import { DEFAULT_JOB_OPTIONS, QUEUES, type QueueName } from "./jobs.ts";

export function bullPrefix(): string {
  return `${env().REDIS_PREFIX}:bull`;
}

/** BullMQ refuses ":" in custom job ids; escape it reversibly so the id still reads as the key. */
export function jobIdFor(idempotencyKey: string): string {
  return idempotencyKey.replace(/%/g, "%25").replace(/:/g, "%3A");
}

export function idempotencyKeyFromJobId(jobId: string): string {
  return jobId.replace(/%3A/g, ":").replace(/%25/g, "%");
}

const globalForQueues = globalThis as unknown as { __qtQueues?: Map<QueueName, Queue>; __qtQueueConn?: Redis };

function connection(): Redis {
  // Producer connection: no offline queue, so an outage fails fast and the outbox keeps the message.
  globalForQueues.__qtQueueConn ??= createRedis("producer");
  return globalForQueues.__qtQueueConn;
}

export function getQueue(name: QueueName): Queue {
  const queues = (globalForQueues.__qtQueues ??= new Map());
  let q = queues.get(name);
  if (!q) {
    q = new Queue(name, { connection: connection(), prefix: bullPrefix(), defaultJobOptions: DEFAULT_JOB_OPTIONS });
    q.on("error", (err: Error) => logger.warn({ queue: name, err: err.message }, "queue connection error"));
    queues.set(name, q);
  }
  return q;
}

export function allQueues(): Queue[] {
  return QUEUES.map(getQueue);
}

export async function closeQueues(): Promise<void> {
  const queues = globalForQueues.__qtQueues;
  globalForQueues.__qtQueues = undefined;
  await Promise.all([...(queues?.values() ?? [])].map((q) => q.close()));
  globalForQueues.__qtQueueConn?.disconnect();
  globalForQueues.__qtQueueConn = undefined;
}
