/**
 * Reads for the engineer's own views. Every job query is narrowed by the jobs area's
 * `jobsVisibleTo(ctx)` (assigned by JobAssignment or a visit in the engineer's name), so a job that
 * isn't theirs is simply not there.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { JOB_NOTE_ENTITY } from "@/modules/jobs/jobs.repo.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";

type Db = TenantDb | TenantTx;

const OPEN_STATUSES = ["SCHEDULED", "IN_PROGRESS", "ON_HOLD"] as const;

const summarySelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  client: { select: { name: true } },
  site: { select: { label: true, addressLine1: true, addressLine2: true, town: true, postcode: true, accessNotes: true } },
} satisfies Prisma.JobSelect;

export type JobSummaryRow = Prisma.JobGetPayload<{ select: typeof summarySelect }>;

export async function findJobSummaries(db: Db, ids: string[], visible: Prisma.JobWhereInput) {
  if (!ids.length) return [];
  return db.job.findMany({ where: { AND: [{ id: { in: ids } }, visible] }, select: summarySelect });
}

/** Open jobs the engineer is on that have no visit of theirs in the window (most recent first). */
export async function findOpenJobsWithout(db: Db, excludeIds: string[], visible: Prisma.JobWhereInput, limit: number) {
  return db.job.findMany({
    where: { AND: [visible, { status: { in: [...OPEN_STATUSES] } }, { id: { notIn: excludeIds } }] },
    orderBy: { id: "desc" },
    select: summarySelect,
    take: limit,
  });
}

/** Everything the engineer needs on site for one job; null when missing or not theirs. */
export async function findMyJob(db: Db, jobId: string, engineerId: string, visible: Prisma.JobWhereInput) {
  return db.job.findFirst({
    where: { AND: [{ id: jobId }, visible] },
    select: {
      ...summarySelect,
      scope: true,
      completedAt: true,
      completionSignerName: true,
      cancelledReason: true,
      client: {
        select: {
          name: true,
          phone: true,
          email: true,
          contacts: { orderBy: { createdAt: "asc" }, take: 1, select: { name: true, phone: true, email: true } },
        },
      },
      visits: { where: { engineerId }, orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true, notes: true } },
      checklists: {
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true, items: { orderBy: { position: "asc" }, select: { id: true, label: true, description: true, required: true, completedAt: true } } },
      },
      files: { orderBy: { createdAt: "asc" }, select: { id: true, fileId: true, caption: true, takenAt: true } },
      timeEntries: {
        where: { engineerId },
        orderBy: { startedAt: "asc" },
        select: { id: true, startedAt: true, endedAt: true, breakMinutes: true, breakStartedAt: true },
      },
    },
  });
}
export type MyJobRow = NonNullable<Awaited<ReturnType<typeof findMyJob>>>;

export async function findImageFileIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.storedFile.findMany({ where: { id: { in: ids }, contentType: { startsWith: "image/" } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function findJobNotesOldestFirst(db: Db, jobId: string, limit: number) {
  const rows = await db.note.findMany({
    where: { entityType: JOB_NOTE_ENTITY, entityId: jobId },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, body: true, authorId: true, createdAt: true },
  });
  return rows.reverse();
}

export async function findCompanyTimeZone(db: Db): Promise<string> {
  const c = await db.company.findFirst({ select: { timeZone: true } });
  return c?.timeZone ?? "Europe/London";
}
