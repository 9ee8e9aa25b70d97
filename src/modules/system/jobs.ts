/**
 * Background jobs as the admin system page sees them: per-queue counts, this company's failed
 * jobs (payload redacted), retry and remove. Jobs carry companyId in their payload; a company
 * only ever sees and touches its own.
 */
import type { Job } from "bullmq";
import { QUEUES, type QueueName } from "@/server/queue/jobs.ts";
import { getQueue } from "@/server/queue/queues.ts";
import type { FailedJobView } from "./system.schema.ts";

const FAILED_SCAN_LIMIT = 500;
const REDACT = /^(to|props|email|token|url|attachments)$/i;

export function redactPayload(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== "object") return {};
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, REDACT.test(k) ? "[redacted]" : v]));
}

function companyOf(job: Job): string | null {
  const data = job.data as { companyId?: unknown } | undefined;
  return typeof data?.companyId === "string" ? data.companyId : null;
}

export function failedJobView(queue: string, job: Job): FailedJobView {
  return {
    queue,
    jobId: job.id ?? "",
    name: job.name,
    reason: (job.failedReason ?? "Unknown failure").slice(0, 500),
    attempts: job.attemptsMade,
    createdAt: new Date(job.timestamp).toISOString(),
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    payload: redactPayload(job.data),
  };
}

/** Failed jobs belonging to a company (null = every company: the platform operator's view). */
export async function failedJobs(companyId: string | null): Promise<FailedJobView[]> {
  const out: FailedJobView[] = [];
  for (const name of QUEUES) {
    const jobs = await getQueue(name).getFailed(0, FAILED_SCAN_LIMIT - 1);
    for (const job of jobs as Job[]) if (companyId === null || companyOf(job) === companyId) out.push(failedJobView(name, job));
  }
  return out.sort((a, b) => (b.failedAt ?? "").localeCompare(a.failedAt ?? ""));
}

export async function queueCounts() {
  return Promise.all(
    QUEUES.map(async (name) => {
      const c = await getQueue(name).getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
      return { name, waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
    }),
  );
}

/** The failed job if it exists and belongs to the company (else null: same answer as missing). */
export async function findOwnFailedJob(queue: QueueName, jobId: string, companyId: string | null): Promise<Job | null> {
  const job = (await getQueue(queue).getJob(jobId)) as Job | undefined;
  if (!job || (companyId !== null && companyOf(job) !== companyId)) return null;
  return (await job.isFailed()) ? job : null;
}
