/**
 * How a service sends an email: write it to the outbox inside the business transaction.
 * The worker renders and delivers it, once, and records it in the communication history.
 */
import { sealSecret } from "../auth/secret-box.ts";
import { writeOutbox } from "../queue/outbox.ts";
import type { JobInput } from "../queue/jobs.ts";

type OutboxWriter = Parameters<typeof writeOutbox>[0];

export const SEALED_PROPS_PURPOSE = "email-props";

export type QueueEmailInput = Omit<JobInput<"email.send">, "companyId" | "sealedProps"> & {
  /** Props that must not sit in clear in the outbox or Redis (one-time links). */
  secretProps?: Record<string, unknown>;
  companyId: string | null;
  /** Unique per email (e.g. `magic-link:<tokenId>`); a repeat with the same key sends nothing more. */
  idempotencyKey: string;
  /** 1 = urgent (sign-in emails jump the queue). */
  priority?: number;
};

/** The email as a job: secret props sealed, key namespaced. Also embedded in jobs that send an email when they finish. */
export function emailJob(input: QueueEmailInput) {
  const { idempotencyKey, priority, secretProps, ...payload } = input;
  return {
    payload: { ...payload, ...(secretProps ? { sealedProps: sealSecret(JSON.stringify(secretProps), SEALED_PROPS_PURPOSE) } : {}) },
    idempotencyKey: `email:${idempotencyKey}`,
    priority,
  };
}

export async function queueEmail(db: OutboxWriter, input: QueueEmailInput) {
  const job = emailJob(input);
  return writeOutbox(db, { job: "email.send", payload: job.payload, idempotencyKey: job.idempotencyKey, companyId: input.companyId, priority: job.priority });
}
