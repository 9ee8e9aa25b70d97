import { audit } from "@/server/audit/audit.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import { notFound, unavailable } from "@/server/errors/errors.ts";
import { checkHealth } from "@/server/health/health.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { linksIn } from "@/server/email/links.ts";
import type { QueueName } from "@/server/queue/jobs.ts";
import { failedJobs, failedJobView, findOwnFailedJob, queueCounts } from "./jobs.ts";
import { findMailbox, findMailboxMessage } from "./system.repo.ts";
import type { JobsOverview, MailboxItem, MailboxMessage, MailboxQuery } from "./system.schema.ts";

type Row = Awaited<ReturnType<typeof findMailbox>>[number];

function attachmentNames(a: unknown): string[] {
  return Array.isArray(a) ? a.map((x) => String((x as { fileName?: unknown }).fileName ?? "attachment")) : [];
}

function item(r: Row): MailboxItem {
  return {
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    links: linksIn(r.text),
    attachments: attachmentNames(r.attachments),
    template: r.template,
    category: r.category,
    status: r.status,
    transport: r.transport,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Mail the company sent, newest first (the built-in mailbox in development and tests). */
export async function listMailbox(ctx: TenantContext, q: MailboxQuery) {
  assertCan(ctx, "system.mailbox.view");
  const page = pageOf(await findMailbox(ctx.db, q), q.limit);
  return { items: page.items.map(item), nextCursor: page.nextCursor };
}

export async function getMailboxMessage(ctx: TenantContext, id: string): Promise<MailboxMessage> {
  assertCan(ctx, "system.mailbox.view");
  const m = await findMailboxMessage(ctx.db, id);
  if (!m) throw notFound();
  return { ...item(m), html: m.html, skipReason: m.skipReason };
}

async function withRedis<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw unavailable("The job queue can't be reached right now.", err);
  }
}

export async function jobsOverview(ctx: TenantContext): Promise<JobsOverview> {
  assertCan(ctx, "system.jobs.manage");
  const health = await checkHealth();
  const [queues, failed] = await withRedis(() => Promise.all([queueCounts(), failedJobs(ctx.companyId)]));
  return { worker: { status: health.worker, lastSeenAt: health.workerLastSeenAt }, queues, failed };
}

export async function retryFailedJob(ctx: TenantContext, queue: QueueName, jobId: string) {
  assertCan(ctx, "system.jobs.manage");
  const job = await withRedis(() => findOwnFailedJob(queue, jobId, ctx.companyId));
  if (!job) throw notFound();
  const before = failedJobView(queue, job);
  await withRedis(() => job.retry("failed"));
  await audit(ctx.db, ctx, { entityType: "Job", entityId: `${queue}/${jobId}`.slice(0, 64), action: "job.retried", before: { reason: before.reason, attempts: before.attempts } });
  return { retried: true };
}

export async function removeFailedJob(ctx: TenantContext, queue: QueueName, jobId: string) {
  assertCan(ctx, "system.jobs.manage");
  const job = await withRedis(() => findOwnFailedJob(queue, jobId, ctx.companyId));
  if (!job) throw notFound();
  const before = failedJobView(queue, job);
  await withRedis(() => job.remove());
  await audit(ctx.db, ctx, { entityType: "Job", entityId: `${queue}/${jobId}`.slice(0, 64), action: "job.removed", before: { name: before.name, reason: before.reason, payload: before.payload } });
  return { removed: true };
}
