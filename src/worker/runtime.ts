/**
 * The worker runtime: outbox dispatcher + one BullMQ Worker per consumed queue + heartbeat.
 * `stop()` stops taking jobs, lets in-flight ones finish (bounded), then closes connections.
 */
import { hostname } from "node:os";
import { Worker, type Job } from "bullmq";
import { env } from "@/server/config/env.ts";
import { workerHeartbeatKey } from "@/server/health/health.ts";
import { logger } from "@/server/logging/logger.ts";
import { ExecutionBusy } from "@/server/queue/execution.ts";
import { isJobName, JOBS, type JobName, type QueueName } from "@/server/queue/jobs.ts";
import { allQueues, bullPrefix, closeQueues, idempotencyKeyFromJobId } from "@/server/queue/queues.ts";
import { createRedis } from "@/server/redis/redis.ts";
import { runOutboxDispatcher } from "./outbox-dispatcher.ts";
import { CONSUMED_QUEUES, PROCESSORS } from "./processors/index.ts";
import { closePdfPool } from "./processors/pdf.ts";
import { startSchedules } from "./schedules.ts";

const HEARTBEAT_EVERY_MS = 10_000;
const HEARTBEAT_TTL_S = 120;

export type RuntimeOptions = {
  queues?: { queue: QueueName; concurrency: number }[];
  dispatcher?: boolean;
  /** How long stop() waits for in-flight jobs before forcing. */
  shutdownGraceMs?: number;
};

async function process(job: Job): Promise<unknown> {
  const name = job.name;
  if (!isJobName(name)) throw new Error(`Unknown job "${name}"`);
  const processor = PROCESSORS[name] as ((key: string, payload: unknown) => Promise<unknown>) | undefined;
  if (!processor) throw new Error(`No processor for "${name}"`);
  const payload = JOBS[name as JobName].payload.parse(job.data);
  return processor(idempotencyKeyFromJobId(job.id ?? ""), payload);
}

export async function startRuntime(opts: RuntimeOptions = {}) {
  const e = env();
  const stopSignal = new AbortController();
  const connection = createRedis("worker");
  const workers = (opts.queues ?? CONSUMED_QUEUES).map(({ queue, concurrency }) => {
    const w = new Worker(queue, process, {
      connection,
      prefix: bullPrefix(),
      concurrency,
      lockDuration: e.JOB_LOCK_MS,
      stalledInterval: Math.max(1000, Math.floor(e.JOB_LOCK_MS / 2)),
      maxStalledCount: 3,
    });
    const started = new Map<string, number>();
    w.on("active", (job) => {
      started.set(job.id ?? "", performance.now());
      logger.info({ queue, jobId: job.id, job: job.name, idempotencyKey: idempotencyKeyFromJobId(job.id ?? ""), attempt: job.attemptsMade + 1 }, "job started");
    });
    w.on("completed", (job) => {
      const ms = Math.round(performance.now() - (started.get(job.id ?? "") ?? performance.now()));
      started.delete(job.id ?? "");
      logger.info({ queue, jobId: job.id, job: job.name, idempotencyKey: idempotencyKeyFromJobId(job.id ?? ""), ms }, "job finished");
    });
    w.on("failed", (job, err) => {
      const ms = Math.round(performance.now() - (started.get(job?.id ?? "") ?? performance.now()));
      started.delete(job?.id ?? "");
      const level = err instanceof ExecutionBusy ? "info" : "warn";
      logger[level]({ queue, jobId: job?.id, job: job?.name, idempotencyKey: idempotencyKeyFromJobId(job?.id ?? ""), ms, attempt: job?.attemptsMade, err: err.message }, "job failed");
    });
    w.on("error", (err) => logger.warn({ queue, err: err.message }, "worker error"));
    return w;
  });

  const dispatcher = opts.dispatcher === false ? Promise.resolve() : runOutboxDispatcher(stopSignal.signal);
  const schedules = e.WORKER_RUN_SCHEDULES ? await startSchedules() : null;

  const beat = async () => {
    try {
      const depths: Record<string, Record<string, number>> = {};
      for (const q of allQueues()) depths[q.name] = await q.getJobCounts("waiting", "active", "delayed", "failed", "prioritized");
      await connection.set(
        workerHeartbeatKey(),
        JSON.stringify({ at: Date.now(), pid: globalThis.process.pid, host: hostname(), queues: depths }),
        "EX",
        HEARTBEAT_TTL_S,
      );
    } catch (err) {
      logger.warn({ err: (err as Error).message }, "heartbeat failed");
    }
  };
  await beat();
  const heartbeat = setInterval(beat, HEARTBEAT_EVERY_MS);

  return {
    workers,
    async stop() {
      stopSignal.abort();
      clearInterval(heartbeat);
      const grace = opts.shutdownGraceMs ?? 15_000;
      const closing = Promise.all(workers.map((w) => w.close()));
      const timedOut = await Promise.race([closing.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), grace).unref())]);
      if (timedOut) {
        logger.warn({ graceMs: grace }, "in-flight jobs did not finish in time; releasing them for another worker");
        await Promise.all(workers.map((w) => w.close(true)));
      }
      await dispatcher;
      await schedules?.close();
      await closePdfPool();
      try {
        await connection.del(workerHeartbeatKey());
      } catch (err) {
        logger.warn({ err: (err as Error).message }, "could not clear the heartbeat");
      }
      connection.disconnect();
      await closeQueues();
    },
  };
}
