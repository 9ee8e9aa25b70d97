/**
 * Single-machine installs: the worker runs the cron schedules itself with BullMQ job schedulers
 * (WORKER_RUN_SCHEDULES=true) instead of an external scheduler calling /api/internal/cron/*.
 * Each tick only enqueues for its period, exactly as the HTTP endpoint does.
 */
import { CRON_TASKS } from "@/server/cron/cron.ts";
import { logger } from "@/server/logging/logger.ts";
import { getQueue } from "@/server/queue/queues.ts";

export async function startSchedules() {
  const queue = getQueue("maintenance");
  for (const [task, def] of Object.entries(CRON_TASKS)) {
    await queue.upsertJobScheduler(`cron-${task}`, { pattern: def.pattern, tz: "UTC" }, { name: "cron.tick", data: { task } });
  }
  logger.info({ tasks: Object.keys(CRON_TASKS) }, "worker runs the cron schedules itself");
  return {
    async close() {
      // Schedulers live in Redis; nothing to close here. Removing them is an explicit operation.
    },
  };
}
