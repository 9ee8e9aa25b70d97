import { z } from "zod";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";
import { QUEUES } from "@/server/queue/jobs.ts";

export const mailboxQuery = pageQuery.extend({
  to: z.string().trim().toLowerCase().max(254).optional(),
});
export type MailboxQuery = z.infer<typeof mailboxQuery>;

export const mailboxItem = z.object({
  id: z.uuid(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  links: z.array(z.string()),
  attachments: z.array(z.string()),
  template: z.string(),
  category: z.string(),
  status: z.enum(["QUEUED", "SENT", "SKIPPED", "FAILED"]),
  transport: z.string(),
  createdAt: z.iso.datetime(),
});
export const mailboxMessage = mailboxItem.extend({ html: z.string(), skipReason: z.string().nullable() });
export const mailboxList = listResponse(mailboxItem);
export type MailboxItem = z.infer<typeof mailboxItem>;
export type MailboxMessage = z.infer<typeof mailboxMessage>;

export const jobParams = z.object({ queue: z.enum(QUEUES), jobId: z.string().min(1).max(300) });

export const failedJob = z.object({
  queue: z.string(),
  jobId: z.string(),
  name: z.string(),
  reason: z.string(),
  attempts: z.number().int(),
  createdAt: z.iso.datetime(),
  failedAt: z.iso.datetime().nullable(),
  /** The payload with addresses and props redacted. */
  payload: z.record(z.string(), z.unknown()),
});
export type FailedJobView = z.infer<typeof failedJob>;

export const jobsOverview = z.object({
  worker: z.object({ status: z.enum(["ok", "stale"]), lastSeenAt: z.iso.datetime().nullable() }),
  queues: z.array(z.object({ name: z.string(), waiting: z.number(), active: z.number(), delayed: z.number(), failed: z.number() })),
  failed: z.array(failedJob),
});
export type JobsOverview = z.infer<typeof jobsOverview>;
