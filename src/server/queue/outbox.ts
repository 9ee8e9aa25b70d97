/**
 * The outbox: a service that needs a side effect writes it here in the same transaction as the
 * business change. The worker's dispatcher moves it to BullMQ. A committed change therefore
 * never loses its side effect, even if Redis is down at that moment.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { JOBS, type JobInput, type JobName } from "./jobs.ts";

/** Anything that can create an OutboxMessage: a tenant transaction or the raw client. */
type OutboxWriter = { outboxMessage: { create(args: { data: Prisma.OutboxMessageUncheckedCreateInput }): Promise<unknown> } };

export type OutboxInput<N extends JobName> = {
  job: N;
  payload: JobInput<N>;
  /** Unique per side effect (e.g. `invoice-sent:<invoiceId>:<version>`); becomes the BullMQ job id. */
  idempotencyKey: string;
  companyId: string | null;
  /** Lower runs first (BullMQ priority); sign-in emails use 1. */
  priority?: number;
  /** Not before this time. */
  availableAt?: Date;
};

export function validatedPayload<N extends JobName>(job: N, payload: JobInput<N>) {
  return JOBS[job].payload.parse(payload);
}

export async function writeOutbox<N extends JobName>(db: OutboxWriter, input: OutboxInput<N>) {
  const payload = validatedPayload(input.job, input.payload);
  return db.outboxMessage.create({
    data: {
      companyId: input.companyId,
      queue: JOBS[input.job].queue,
      jobName: input.job,
      payload: payload as Prisma.InputJsonValue,
      idempotencyKey: input.idempotencyKey,
      priority: input.priority ?? 0,
      availableAt: input.availableAt ?? new Date(),
    },
  });
}
