/**
 * Scheduled work. An external scheduler calls POST /api/internal/cron/<name> (or, on a single
 * machine, the worker runs the same schedules itself: WORKER_RUN_SCHEDULES=true). Either way a
 * task only enqueues, keyed by its period, so two calls in one period enqueue once.
 * Areas add their tasks here (quote expiry, invoice reminders, courier polls, renewals).
 */
import { unsafeUnscopedDb } from "../db/client.ts";
import { writeOutbox } from "../queue/outbox.ts";

export type CronTask = {
  /** Cron pattern (UTC) for the worker's own schedules and the README. */
  pattern: string;
  description: string;
  /** The period a call belongs to: the idempotency key's suffix. */
  period: (now: Date) => string;
  enqueue: (period: string) => Promise<void>;
};

const day = (now: Date) => now.toISOString().slice(0, 10);

export const CRON_TASKS: Record<string, CronTask> = {
  "quote-expiry": {
    pattern: "5 0 * * *",
    description: "Daily: quotes past their valid-until date become Expired.",
    period: day,
    enqueue: async (period) => {
      await writeOutbox(unsafeUnscopedDb(), { job: "quotes.expire-due", payload: { period }, idempotencyKey: `quote-expiry:${period}`, companyId: null });
    },
  },
  "invoice-reminders": {
    pattern: "0 8 * * *",
    description: "Daily: overdue invoices get their next reminder (company cadence, e.g. 7/14/21 days after due), one per stage.",
    period: day,
    enqueue: async (period) => {
      await writeOutbox(unsafeUnscopedDb(), { job: "reminders.enqueue-due", payload: { period }, idempotencyKey: `invoice-reminders:${period}`, companyId: null });
    },
  },
  "session-cleanup": {
    pattern: "15 3 * * *",
    description: "Daily: delete sessions and sign-in tokens that ended more than 30 days ago.",
    period: day,
    enqueue: async (period) => {
      await writeOutbox(unsafeUnscopedDb(), {
        job: "maintenance.session-cleanup",
        payload: { period },
        idempotencyKey: `session-cleanup:${period}`,
        companyId: null,
      });
    },
  },
};

export type CronResult = { task: string; period: string; enqueued: boolean };

/** Enqueues a task's work for the current period; a repeat in the same period enqueues nothing. */
export async function runCronTask(name: string, now = new Date()): Promise<CronResult | null> {
  const task = Object.hasOwn(CRON_TASKS, name) ? CRON_TASKS[name] : undefined;
  if (!task) return null;
  const period = task.period(now);
  try {
    await task.enqueue(period);
    return { task: name, period, enqueued: true };
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return { task: name, period, enqueued: false };
    throw err;
  }
}
