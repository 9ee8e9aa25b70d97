/** Tenant-scoped data access for jobs, budget lines, assignments, job files and job notes (Prisma only here). */
import type { InvoiceStatus, JobStatus, LineKind, Prisma } from "@/generated/prisma/client.ts";
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

/** Timestamps inside json_build_object come as `timestamp(3)` text without a zone (stored as UTC). */
const utc = (s: string | null) => (s ? new Date(`${s}Z`) : null);

type JobDetailSql = {
  id: string;
  number: string;
  clientId: string;
  siteId: string | null;
  quoteId: string | null;
  title: string;
  scope: string | null;
  status: JobStatus;
  estimatedMinutes: number | null;
  budgetNetPence: number;
  onHoldReason: string | null;
  cancelledReason: string | null;
  completedAt: Date | null;
  completedById: string | null;
  completedByName: string | null;
  completionSignerName: string | null;
  completionSignatureFileId: string | null;
  completionOverrideReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  client: { id: string; name: string; phone: string | null; email: string | null };
  site: { id: string; label: string | null; addressLine1: string; addressLine2: string | null; town: string; postcode: string; accessNotes: string | null } | null;
  quote: { id: string; number: string } | null;
  budgetLines: { id: string; position: number; section: string | null; kind: LineKind; description: string; quantityMilli: number; unitPricePence: number; discountBps: number; vatRateBps: number | null; netPence: number }[];
  engineers: { id: string; name: string }[];
  visits: { id: string; engineerId: string; engineerName: string; startsAt: string; endsAt: string; notes: string | null }[];
  checklists: {
    id: string;
    title: string;
    templateId: string | null;
    templateVersion: number | null;
    items: { id: string; position: number; label: string; description: string | null; required: boolean; completedAt: string | null; completedById: string | null; completedByName: string | null }[];
  }[];
  files: { id: string; fileId: string; fileName: string | null; contentType: string | null; caption: string | null; takenAt: string | null; uploadedById: string | null; uploadedByName: string | null; createdAt: string }[];
  invoices: { id: string; number: string | null; status: InvoiceStatus; grossPence: number }[];
  timeEntries: { startedAt: string; endedAt: string | null; breakMinutes: number }[];
};

/**
 * The job detail page/API in one statement: the job with its client, site and quote, budget lines,
 * engineers, visits, checklists with items, files with their stored names, invoices, time entries
 * and every person's name (Prisma's includes issued one statement per relation: 18 for this read).
 * Raw SQL bypasses the tenancy extension: every table is filtered by `companyId` explicitly.
 * A person who no longer exists has `null` for a name (the view says "Former user").
 */
export async function findJobDetail(db: Db, companyId: string, id: string) {
  const rows = await db.$queryRaw<JobDetailSql[]>`
    SELECT j."id", j."number", j."clientId", j."siteId", j."quoteId", j."title", j."scope", j."status"::text AS "status",
           j."estimatedMinutes", j."budgetNetPence", j."onHoldReason", j."cancelledReason", j."completedAt", j."completedById",
           (SELECT u."name" FROM "User" u WHERE u."id" = j."completedById") AS "completedByName",
           j."completionSignerName", j."completionSignatureFileId", j."completionOverrideReason", j."createdAt", j."updatedAt",
           json_build_object('id', c."id", 'name', c."name", 'phone', c."phone", 'email', c."email") AS "client",
           CASE WHEN st."id" IS NULL THEN NULL ELSE json_build_object('id', st."id", 'label', st."label", 'addressLine1', st."addressLine1", 'addressLine2', st."addressLine2",
                                                                      'town', st."town", 'postcode', st."postcode", 'accessNotes', st."accessNotes") END AS "site",
           CASE WHEN q."id" IS NULL THEN NULL ELSE json_build_object('id', q."id", 'number', q."number") END AS "quote",
           COALESCE((SELECT json_agg(json_build_object('id', b."id", 'position', b."position", 'section', b."section", 'kind', b."kind", 'description', b."description",
                                                       'quantityMilli', b."quantityMilli", 'unitPricePence', b."unitPricePence", 'discountBps', b."discountBps",
                                                       'vatRateBps', b."vatRateBps", 'netPence', b."netPence") ORDER BY b."position", b."id")
                       FROM "JobBudgetLine" b WHERE b."companyId" = j."companyId" AND b."jobId" = j."id"), '[]') AS "budgetLines",
           COALESCE((SELECT json_agg(json_build_object('id', ja."engineerId", 'name', u."name") ORDER BY ja."createdAt", ja."id")
                       FROM "JobAssignment" ja JOIN "User" u ON u."id" = ja."engineerId"
                      WHERE ja."companyId" = j."companyId" AND ja."jobId" = j."id"), '[]') AS "engineers",
           COALESCE((SELECT json_agg(json_build_object('id', v."id", 'engineerId', v."engineerId", 'engineerName', u."name", 'startsAt', v."startsAt", 'endsAt', v."endsAt",
                                                       'notes', v."notes") ORDER BY v."startsAt", v."id")
                       FROM "ScheduleEntry" v JOIN "User" u ON u."id" = v."engineerId"
                      WHERE v."companyId" = j."companyId" AND v."jobId" = j."id"), '[]') AS "visits",
           COALESCE((SELECT json_agg(json_build_object('id', cl."id", 'title', cl."title", 'templateId', cl."templateId", 'templateVersion', cl."templateVersion",
                       'items', COALESCE((SELECT json_agg(json_build_object('id', it."id", 'position', it."position", 'label', it."label", 'description', it."description",
                                                                            'required', it."required", 'completedAt', it."completedAt", 'completedById', it."completedById",
                                                                            'completedByName', cu."name") ORDER BY it."position", it."id")
                                            FROM "JobChecklistItem" it LEFT JOIN "User" cu ON cu."id" = it."completedById"
                                           WHERE it."companyId" = cl."companyId" AND it."jobChecklistId" = cl."id"), '[]')) ORDER BY cl."createdAt", cl."id")
                       FROM "JobChecklist" cl WHERE cl."companyId" = j."companyId" AND cl."jobId" = j."id"), '[]') AS "checklists",
           COALESCE((SELECT json_agg(json_build_object('id', jf."id", 'fileId', jf."fileId", 'fileName', f."fileName", 'contentType', f."contentType", 'caption', jf."caption",
                                                       'takenAt', jf."takenAt", 'uploadedById', jf."uploadedById", 'uploadedByName', fu."name", 'createdAt', jf."createdAt")
                                     ORDER BY jf."createdAt" DESC, jf."id" DESC)
                       FROM "JobFile" jf
                       LEFT JOIN "StoredFile" f ON f."companyId" = jf."companyId" AND f."id" = jf."fileId"
                       LEFT JOIN "User" fu ON fu."id" = jf."uploadedById"
                      WHERE jf."companyId" = j."companyId" AND jf."jobId" = j."id"), '[]') AS "files",
           COALESCE((SELECT json_agg(json_build_object('id', i."id", 'number', i."number", 'status', i."status", 'grossPence', i."grossPence") ORDER BY i."createdAt", i."id")
                       FROM "Invoice" i WHERE i."companyId" = j."companyId" AND i."jobId" = j."id"), '[]') AS "invoices",
           COALESCE((SELECT json_agg(json_build_object('startedAt', t."startedAt", 'endedAt', t."endedAt", 'breakMinutes', t."breakMinutes"))
                       FROM "TimeEntry" t WHERE t."companyId" = j."companyId" AND t."jobId" = j."id"), '[]') AS "timeEntries"
      FROM "Job" j
      JOIN "Client" c ON c."companyId" = j."companyId" AND c."id" = j."clientId"
      LEFT JOIN "Site" st ON st."companyId" = j."companyId" AND st."id" = j."siteId"
      LEFT JOIN "Quote" q ON q."companyId" = j."companyId" AND q."id" = j."quoteId"
     WHERE j."companyId" = ${companyId}::uuid AND j."id" = ${id}::uuid`;
  const r = rows[0];
  if (!r) return null;
  return {
    ...r,
    visits: r.visits.map((v) => ({ ...v, startsAt: utc(v.startsAt)!, endsAt: utc(v.endsAt)! })),
    checklists: r.checklists.map((c) => ({ ...c, items: c.items.map((i) => ({ ...i, completedAt: utc(i.completedAt) })) })),
    files: r.files.map((f) => ({ ...f, takenAt: utc(f.takenAt), createdAt: utc(f.createdAt)! })),
    timeEntries: r.timeEntries.map((t) => ({ ...t, startedAt: utc(t.startedAt)!, endedAt: utc(t.endedAt) })),
  };
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
