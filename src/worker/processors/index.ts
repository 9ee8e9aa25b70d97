/**
 * Processors by job name. Each gets the job's idempotency key and its validated payload and must
 * be safe to run twice (claim the key first; see src/server/queue/execution.ts).
 * Queues without processors here (reminder, courier-tracking) get them with their areas.
 */
import { runCronTask } from "@/server/cron/cron.ts";
import { deliverEmail } from "@/server/email/deliver.ts";
import type { JobName, JobPayload, QueueName } from "@/server/queue/jobs.ts";
import { cleanUpSessions } from "./maintenance.ts";
import { renderPdfJob } from "./pdf.ts";
import { expireQuotesJob } from "./quotes.ts";
import { enqueueDueRemindersScan, invoiceOverdueReminderJob } from "./reminders.ts";

type Processor<N extends JobName> = (key: string, payload: JobPayload<N>) => Promise<unknown>;

export const PROCESSORS: { [N in JobName]?: Processor<N> } = {
  "email.send": deliverEmail,
  "pdf.render": renderPdfJob,
  "quotes.expire-due": expireQuotesJob,
  "maintenance.session-cleanup": cleanUpSessions,
  "reminder.invoice-overdue": invoiceOverdueReminderJob,
  "reminders.enqueue-due": enqueueDueRemindersScan,
  // Idempotent by period: the outbox key refuses a second enqueue for the same period.
  "cron.tick": (_key, p) => runCronTask(p.task),
};

/** Queues this worker consumes, with how many jobs each runs at once. */
export const CONSUMED_QUEUES: { queue: QueueName; concurrency: number }[] = [
  { queue: "email", concurrency: 20 },
  // Rendering happens in its own thread; a few jobs in flight keep it busy while others store.
  { queue: "pdf", concurrency: 4 },
  { queue: "maintenance", concurrency: 1 },
  { queue: "reminder", concurrency: 5 },
];
