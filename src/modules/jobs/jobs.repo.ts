/** Tenant-scoped data access for jobs, budget lines, assignments, job files and job notes (Prisma only here). */
import type { Prisma } from "@/generated/prisma/client.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { pageArgs, type PageQuery } from "@/server/http/pagination.ts";
import type { ListJobsQuery } from "./jobs.schema.ts";

type Db = TenantDb | TenantTx;

export const JOB_ENTITY = "Job";
/** Notes on a job are generic Notes with this entityType. */
export const JOB_NOTE_ENTITY = "job";

export async function findJobs(db: TenantDb, q: ListJobsQuery, visible: Prisma.JobWhereInput) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  const term = q.q?.trim();
  const where: Prisma.JobWhereInput = {
    AND: [
      visible,
      cursorWhere ?? {},
      q.status ? { status: q.status } : {},
      q.clientId ? { clientId: q.clientId } : {},
      term
        ? {
            OR: [
              { number: { contains: term, mode: "insensitive" } },
              { title: { contains: term, mode: "insensitive" } },
              { client: { name: { contains: term, mode: "insensitive" } } },
              { site: { postcode: { contains: term.toUpperCase().replace(/\s+/g, " ") } } },
            ],
          }
        : {},
    ],
  };
  return db.job.findMany({
    ...page,
    where,
    include: {
      client: { select: { id: true, name: true } },
      site: { select: { id: true, postcode: true, addressLine1: true } },
      visits: { where: { endsAt: { gte: new Date() } }, orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
    },
  });
}
export type JobListRow = Awaited<ReturnType<typeof findJobs>>[number];

export async function findJobDetail(db: Db, id: string) {
  return db.job.findUnique({
    where: { id },
    include: {
      client: { select: { id: true, name: true, phone: true, email: true } },
      site: true,
      quote: { select: { id: true, number: true } },
      budgetLines: { orderBy: { position: "asc" } },
      assignments: { orderBy: { createdAt: "asc" }, include: { engineer: { select: { userId: true, user: { select: { name: true } } } } } },
      visits: { orderBy: { startsAt: "asc" }, include: { engineer: { select: { userId: true, user: { select: { name: true } } } } } },
      checklists: { orderBy: { createdAt: "asc" }, include: { items: { orderBy: { position: "asc" } } } },
      files: { orderBy: { createdAt: "desc" } },
      invoices: { orderBy: { createdAt: "asc" }, select: { id: true, number: true, status: true, grossPence: true } },
    },
  });
}
export type JobDetailRow = NonNullable<Awaited<ReturnType<typeof findJobDetail>>>;

export async function insertJob(tx: TenantTx, data: Prisma.JobUncheckedCreateInput) {
  return tx.job.create({ data });
}

export async function updateJobRow(tx: TenantTx, id: string, data: Prisma.JobUncheckedUpdateInput) {
  return tx.job.update({ where: { id }, data });
}

/** Locks the job row until commit, so concurrent status changes are applied one after the other. */
export async function lockJob(tx: TenantTx, companyId: string, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Job" WHERE "companyId" = ${companyId}::uuid AND "id" = ${id}::uuid FOR UPDATE`;
}

export async function insertBudgetLines(tx: TenantTx, rows: Prisma.JobBudgetLineCreateManyInput[]) {
  if (rows.length) await tx.jobBudgetLine.createMany({ data: rows });
}

export async function findFileNames(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, { fileName: string; contentType: string }>();
  const rows = await db.storedFile.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true, contentType: true } });
  return new Map(rows.map((r) => [r.id, { fileName: r.fileName, contentType: r.contentType }]));
}

/** Minutes logged on the job by finished entries (running clocks count from start to now). */
export async function findJobTimeEntries(db: Db, jobId: string) {
  return db.timeEntry.findMany({ where: { jobId }, select: { startedAt: true, endedAt: true, breakMinutes: true } });
}

// ---- assignments ----

export async function findMembership(db: Db, userId: string) {
  return db.companyMembership.findFirst({ where: { userId, status: "ACTIVE" }, include: { user: { select: { name: true } } } });
}

export async function insertAssignment(tx: TenantTx, companyId: string, jobId: string, engineerId: string) {
  return tx.jobAssignment.upsert({
    where: { companyId_jobId_engineerId: { companyId, jobId, engineerId } },
    create: { companyId, jobId, engineerId },
    update: {},
  });
}

export async function deleteAssignment(tx: TenantTx, jobId: string, engineerId: string) {
  return tx.jobAssignment.deleteMany({ where: { jobId, engineerId } });
}

// ---- notes ----

export async function findJobNotes(db: Db, jobId: string, q: PageQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.note.findMany({ ...page, where: { ...cursorWhere, entityType: JOB_NOTE_ENTITY, entityId: jobId } });
}

export async function insertJobNote(tx: TenantTx, companyId: string, jobId: string, authorId: string, body: string) {
  return tx.note.create({ data: { companyId, entityType: JOB_NOTE_ENTITY, entityId: jobId, authorId, body } });
}

// ---- files ----

export async function insertJobFile(tx: TenantTx, data: Prisma.JobFileUncheckedCreateInput) {
  return tx.jobFile.create({ data });
}

/** A client's most recent jobs, for the client timeline. */
export async function findClientJobHistory(db: Db, clientId: string, limit: number) {
  return db.job.findMany({
    where: { clientId },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, number: true, title: true, status: true, createdAt: true, createdById: true, completedAt: true, completedById: true, completionSignerName: true, cancelledReason: true, updatedAt: true },
  });
}
