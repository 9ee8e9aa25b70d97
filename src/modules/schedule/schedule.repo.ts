/**
 * Tenant-scoped data access for visits and engineer unavailability (Prisma only here).
 *
 * The planner's window query is one SQL statement (visit + job + client + site joined), always
 * parameterised with the context's companyId: it walks the (companyId, startsAt) or
 * (companyId, engineerId, startsAt) index between `from - MAX_VISIT_MINUTES` and `to`, so the
 * cost depends on the window, not on the company's history.
 */
import { Prisma } from "@/generated/prisma/client.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { MAX_VISIT_MINUTES } from "./schedule-conflicts.ts";

type Db = TenantDb | TenantTx;

/** Most visits one window returns (a month of a large team is well under this). */
export const WINDOW_LIMIT = 5000;

export type VisitRow = {
  id: string;
  jobId: string;
  engineerId: string;
  startsAt: Date;
  endsAt: Date;
  notes: string | null;
  overrideReason: string | null;
  updatedAt: Date;
  number: string;
  title: string;
  status: string;
  clientName: string;
  addressLine1: string | null;
  town: string | null;
  postcode: string | null;
};

const VISIT_SELECT = Prisma.sql`
    SELECT s."id", s."jobId", s."engineerId", s."startsAt", s."endsAt", s."notes", s."overrideReason", s."updatedAt",
           j."number", j."title", j."status"::text AS "status", c."name" AS "clientName",
           st."addressLine1", st."town", st."postcode"
      FROM "ScheduleEntry" s
      JOIN "Job" j ON j."companyId" = s."companyId" AND j."id" = s."jobId"
      JOIN "Client" c ON c."companyId" = j."companyId" AND c."id" = j."clientId"
      LEFT JOIN "Site" st ON st."companyId" = j."companyId" AND st."id" = j."siteId"`;

/** The window statement (exported so the performance test can EXPLAIN exactly what runs). */
export function windowSql(companyId: string, w: { from: Date; to: Date; engineerId?: string }) {
  const earliest = new Date(w.from.getTime() - MAX_VISIT_MINUTES * 60_000);
  const byEngineer = w.engineerId ? Prisma.sql`AND s."engineerId" = ${w.engineerId}::uuid` : Prisma.empty;
  return Prisma.sql`${VISIT_SELECT}
     WHERE s."companyId" = ${companyId}::uuid
       AND s."startsAt" >= ${earliest} AND s."startsAt" < ${w.to}
       AND s."endsAt" > ${w.from}
       ${byEngineer}
     ORDER BY s."startsAt", s."id"
     LIMIT ${WINDOW_LIMIT}`;
}

/** Visits overlapping [from, to), with their job summary, in one query. */
export async function findVisitsInWindow(db: Db, companyId: string, w: { from: Date; to: Date; engineerId?: string }): Promise<VisitRow[]> {
  return db.$queryRaw<VisitRow[]>(windowSql(companyId, w));
}

/** One visit with its job summary (null when it is not this company's). */
export async function findVisitView(db: Db, companyId: string, id: string): Promise<VisitRow | null> {
  const rows = await db.$queryRaw<VisitRow[]>(Prisma.sql`${VISIT_SELECT} WHERE s."companyId" = ${companyId}::uuid AND s."id" = ${id}::uuid`);
  return rows[0] ?? null;
}

export async function findVisit(db: Db, id: string) {
  return db.scheduleEntry.findUnique({ where: { id } });
}

/** Serialises bookings per engineer: two planners saving overlapping visits at once see each other. */
export async function lockEngineer(tx: TenantTx, companyId: string, engineerId: string) {
  await tx.$queryRaw`SELECT 1 FROM "CompanyMembership" WHERE "companyId" = ${companyId}::uuid AND "userId" = ${engineerId}::uuid FOR NO KEY UPDATE`;
}

export async function findCompanyHours(db: Db, companyId: string) {
  return db.company.findFirstOrThrow({
    where: { id: companyId },
    select: { timeZone: true, workdayStartMinute: true, workdayEndMinute: true, workingDays: true },
  });
}

/** The member (any role or status) with their name, or null when not in this company. */
export async function findMember(db: Db, userId: string) {
  return db.companyMembership.findFirst({ where: { userId }, select: { userId: true, role: true, status: true, user: { select: { name: true, email: true } } } });
}

/** People who can be booked (active admin, office and engineer members), engineers first then by name. */
export async function findBookableMembers(db: Db) {
  const rows = await db.companyMembership.findMany({
    where: { status: "ACTIVE", role: { in: ["ENGINEER", "ADMIN", "OFFICE"] } },
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  return rows;
}

/** The job when it exists in this company and `visible` (the jobs area's access filter) lets the context see it. */
export async function findJobForSchedule(db: Db, id: string, visible: Prisma.JobWhereInput) {
  return db.job.findFirst({ where: { AND: [{ id }, visible] }, select: { id: true, number: true, title: true, status: true, estimatedMinutes: true } });
}

/** The engineer's bookings that could overlap [from, to) (uses the engineer/startsAt index). */
export async function findEngineerVisitsNear(db: Db, engineerId: string, from: Date, to: Date) {
  return db.scheduleEntry.findMany({
    where: { engineerId, startsAt: { gte: new Date(from.getTime() - MAX_VISIT_MINUTES * 60_000), lt: to }, endsAt: { gt: from } },
    select: { id: true, startsAt: true, endsAt: true, job: { select: { number: true } } },
    orderBy: { startsAt: "asc" },
  });
}

export async function insertVisit(tx: TenantTx, companyId: string, data: Omit<Prisma.ScheduleEntryUncheckedCreateInput, "companyId">) {
  return tx.scheduleEntry.create({ data: { ...data, companyId } });
}

export async function updateVisitRow(tx: TenantTx, id: string, data: Prisma.ScheduleEntryUncheckedUpdateInput) {
  return tx.scheduleEntry.update({ where: { id }, data });
}

export async function deleteVisitRow(tx: TenantTx, id: string) {
  return tx.scheduleEntry.delete({ where: { id } });
}

/** Makes sure the engineer is assigned to the job (so their portal shows it); true when newly added. */
export async function ensureAssignment(tx: TenantTx, companyId: string, jobId: string, engineerId: string): Promise<boolean> {
  const r = await tx.jobAssignment.createMany({ data: [{ companyId, jobId, engineerId }], skipDuplicates: true });
  return r.count > 0;
}

/** Jobs waiting to be booked: still SCHEDULED and without any visit. */
export async function findUnscheduledJobs(db: Db, limit: number) {
  return db.job.findMany({
    where: { status: "SCHEDULED", visits: { none: {} } },
    select: { id: true, number: true, title: true, estimatedMinutes: true, client: { select: { name: true } }, site: { select: { postcode: true } } },
    orderBy: { id: "asc" },
    take: limit,
  });
}

// --- unavailability ---------------------------------------------------------------------------

export async function findUnavailabilityInWindow(db: Db, w: { from: Date; to: Date; engineerId?: string }) {
  return db.engineerUnavailability.findMany({
    where: { ...(w.engineerId ? { engineerId: w.engineerId } : {}), startsAt: { lt: w.to }, endsAt: { gt: w.from } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: WINDOW_LIMIT,
  });
}

export async function findUnavailability(db: Db, id: string) {
  return db.engineerUnavailability.findUnique({ where: { id } });
}

export async function insertUnavailability(tx: TenantTx, companyId: string, data: Omit<Prisma.EngineerUnavailabilityUncheckedCreateInput, "companyId">) {
  return tx.engineerUnavailability.create({ data: { ...data, companyId } });
}

export async function updateUnavailabilityRow(tx: TenantTx, id: string, data: Prisma.EngineerUnavailabilityUncheckedUpdateInput) {
  return tx.engineerUnavailability.update({ where: { id }, data });
}

export async function deleteUnavailabilityRow(tx: TenantTx, id: string) {
  return tx.engineerUnavailability.delete({ where: { id } });
}
