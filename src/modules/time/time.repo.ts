/** Tenant-scoped data access for time entries and timesheets (Prisma only here). */
import type { Prisma } from "@/generated/prisma/client.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { pageArgs, type PageQuery } from "@/server/http/pagination.ts";

type Db = TenantDb | TenantTx;

export const ENTRY_INCLUDE = {
  engineer: { select: { userId: true, user: { select: { name: true } } } },
  job: { select: { id: true, number: true, title: true } },
  timesheet: { select: { status: true, weekStart: true } },
} as const;

export async function companyTimeZone(db: Db): Promise<string> {
  const c = await db.company.findFirstOrThrow({ select: { timeZone: true } });
  return c.timeZone;
}

export async function findEntries(db: Db, where: Prisma.TimeEntryWhereInput, q: PageQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.timeEntry.findMany({ ...page, where: { ...where, ...cursorWhere }, include: ENTRY_INCLUDE });
}
export type EntryRow = Awaited<ReturnType<typeof findEntries>>[number];

/** Every entry in a window (timesheets, exports): oldest first. */
export async function findEntriesInWindow(db: Db, where: Prisma.TimeEntryWhereInput, from: Date, to: Date) {
  return db.timeEntry.findMany({ where: { ...where, startedAt: { gte: from, lt: to } }, orderBy: [{ engineerId: "asc" }, { startedAt: "asc" }], include: ENTRY_INCLUDE });
}

export async function findEntry(db: Db, id: string) {
  return db.timeEntry.findUnique({ where: { id }, include: ENTRY_INCLUDE });
}

export async function findRunningEntry(db: Db, engineerId: string) {
  return db.timeEntry.findFirst({ where: { engineerId, endedAt: null }, include: ENTRY_INCLUDE, orderBy: { startedAt: "desc" } });
}

/** Locks the engineer's membership row: one clock change per engineer at a time. */
export async function lockEngineer(tx: TenantTx, companyId: string, engineerId: string) {
  await tx.$queryRaw`SELECT 1 FROM "CompanyMembership" WHERE "companyId" = ${companyId}::uuid AND "userId" = ${engineerId}::uuid FOR UPDATE`;
}

export async function insertEntry(tx: TenantTx, data: Prisma.TimeEntryUncheckedCreateInput) {
  return tx.timeEntry.create({ data, include: ENTRY_INCLUDE });
}

export async function updateEntryRow(tx: TenantTx, id: string, data: Prisma.TimeEntryUncheckedUpdateInput) {
  return tx.timeEntry.update({ where: { id }, data, include: ENTRY_INCLUDE });
}

export async function deleteEntryRow(tx: TenantTx, id: string) {
  await tx.timeEntry.delete({ where: { id } });
}

export async function findMember(db: Db, userId: string) {
  return db.companyMembership.findFirst({ where: { userId }, include: { user: { select: { name: true } } } });
}

/** People whose time is tracked: active engineers, plus anyone with entries. */
export async function findTrackedPeople(db: Db) {
  return db.companyMembership.findMany({
    where: { status: "ACTIVE", role: { in: ["ENGINEER", "ADMIN", "OFFICE"] } },
    include: { user: { select: { name: true } } },
  });
}

// ---- timesheets ----

export async function findTimesheet(db: Db, engineerId: string, weekStart: Date) {
  return db.timesheet.findFirst({ where: { engineerId, weekStart } });
}

export async function findTimesheetById(db: Db, id: string) {
  return db.timesheet.findUnique({ where: { id }, include: { engineer: { select: { user: { select: { name: true } } } } } });
}

export async function upsertTimesheet(tx: TenantTx, companyId: string, engineerId: string, weekStart: Date) {
  return tx.timesheet.upsert({
    where: { companyId_engineerId_weekStart: { companyId, engineerId, weekStart } },
    create: { companyId, engineerId, weekStart },
    update: {},
  });
}

export async function lockTimesheet(tx: TenantTx, companyId: string, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Timesheet" WHERE "companyId" = ${companyId}::uuid AND "id" = ${id}::uuid FOR UPDATE`;
}

export async function updateTimesheetRow(tx: TenantTx, id: string, data: Prisma.TimesheetUncheckedUpdateInput) {
  return tx.timesheet.update({ where: { id }, data });
}

export async function findTimesheetsForWeek(db: Db, weekStart: Date, where: Prisma.TimesheetWhereInput = {}) {
  return db.timesheet.findMany({ where: { ...where, weekStart } });
}

export async function linkEntriesToTimesheet(tx: TenantTx, ids: string[], timesheetId: string) {
  if (ids.length) await tx.timeEntry.updateMany({ where: { id: { in: ids } }, data: { timesheetId } });
}
