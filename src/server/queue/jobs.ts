/**
 * The job registry: every background job is a name, the queue it runs on and a zod payload
 * schema, declared here once. Payloads are validated when written to the outbox and again
 * before a processor runs. Processors are registered in src/worker/processors.
 * No secrets in payloads: they hold ids and references, never tokens or passwords in clear.
 */
import { z } from "zod";

export const QUEUES = ["email", "pdf", "reminder", "courier-tracking", "maintenance"] as const;
export type QueueName = (typeof QUEUES)[number];

const uuid = z.uuid();

/** An email to render and deliver (the "email.send" job). */
const emailPayload = z.object({
  companyId: uuid.nullable(),
  to: z.array(z.email()).min(1).max(50),
  template: z.string().min(1).max(64),
  /** Template props (no secrets: use sealedProps for anything like a sign-in link). */
  props: z.record(z.string(), z.unknown()).default({}),
  /** Props holding a secret (a one-time sign-in link), encrypted with the app key: never in clear in the outbox or Redis. */
  sealedProps: z.string().optional(),
  category: z.string().min(1).max(64),
  /** Users whose email preferences decide whether this category is sent. */
  recipientUserIds: z.array(uuid).default([]),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  clientId: uuid.optional(),
  /** The EmailMessage id to record it under, chosen when queued so the sender can link to it (e.g. an invoice reminder). */
  messageId: uuid.optional(),
  attachments: z
    .array(z.object({ storageKey: z.string(), fileName: z.string(), contentType: z.string() }))
    .default([]),
});

export const JOBS = {
  /** Render a template and deliver it through the configured transport. */
  "email.send": { queue: "email", payload: emailPayload },
  /** Render a PDF document through the PDF service and store it. */
  "pdf.render": {
    queue: "pdf",
    payload: z.object({
      companyId: uuid,
      document: z.string().min(1).max(64),
      /** The stored file is attached to this record (e.g. Quote + id), and found by it. */
      entityType: z.string().max(64),
      entityId: z.string().max(64),
      props: z.record(z.string(), z.unknown()).default({}),
      /** Stored files the document draws (name → storage key), e.g. a signature image. */
      files: z.record(z.string(), z.string()).default({}),
      requestedById: uuid.optional(),
      /** An email to queue once the file is stored, with the PDF attached (e.g. a sent quote). */
      thenEmail: z.object({ payload: emailPayload, idempotencyKey: z.string(), priority: z.number().int().optional() }).optional(),
    }),
  },
  /** Overdue-invoice and renewal reminders (processors arrive with invoicing and certificates). */
  "reminder.invoice-overdue": {
    queue: "reminder",
    payload: z.object({ companyId: uuid, invoiceId: uuid, stage: z.number().int().min(1).max(10) }),
  },
  /** Poll a carrier for a shipment's tracking events (processor arrives with purchasing). */
  "courier.poll": {
    queue: "courier-tracking",
    payload: z.object({ companyId: uuid, shipmentId: uuid }),
  },
  /** A cron schedule fired inside the worker (WORKER_RUN_SCHEDULES): enqueue the task's period. */
  "cron.tick": {
    queue: "maintenance",
    payload: z.object({ task: z.string().min(1).max(64) }),
  },
  /** Daily: quotes past their validUntil become EXPIRED. */
  "quotes.expire-due": {
    queue: "maintenance",
    payload: z.object({ period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  },
  /** Daily: enqueue one `reminder.invoice-overdue` per invoice whose next reminder stage has come. */
  "reminders.enqueue-due": {
    queue: "maintenance",
    payload: z.object({ period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  },
  /** Housekeeping: expired sessions and used sign-in tokens. */
  "maintenance.session-cleanup": {
    queue: "maintenance",
    payload: z.object({ period: z.string() }),
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]["payload"]>;
export type JobInput<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** Default BullMQ options: 3+ attempts with exponential back-off from 2 s; completed trimmed, failed kept. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential" as const, delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: false,
};
