/**
 * Weekly timesheets per engineer (Monday to Sunday, company time zone): OPEN → SUBMITTED →
 * APPROVED (its entries locked) or REJECTED (editable again, then resubmitted). Submitting is the
 * engineer's (or the office on their behalf); approving and rejecting need timesheets.approve.
 * Exports for payroll (CSV and XLSX) neutralise formula-like text cells.
 */
import { findUserNames } from "@/modules/audit/audit.repo.ts";
import { assertUuid } from "@/modules/jobs/job-access.ts";
import { audit } from "@/server/audit/audit.ts";
import { assertCan, can, type TenantContext } from "@/server/context.ts";
import { toCsv, csvResponse } from "@/server/csv/csv.ts";
import { conflict, forbidden, notFound, validationFailed } from "@/server/errors/errors.ts";
import { canReadAllTime, entryView } from "./time.service.ts";
import { EXPORT_HEADER, exportRows, toXlsx } from "./timesheet-export.ts";
import {
  companyTimeZone,
  findEntriesInWindow,
  findMember,
  findTimesheet,
  findTimesheetById,
  findTimesheetsForWeek,
  findTrackedPeople,
  linkEntriesToTimesheet,
  lockTimesheet,
  updateTimesheetRow,
  upsertTimesheet,
  type EntryRow,
} from "./time.repo.ts";
import type { ExportTimesheetsQuery, ListTimesheetsQuery, TimesheetView } from "./time.schema.ts";
import { dbDate, fromDbDate, minutesToHours, weekDays, weekStartOf, weekWindow, workedMinutes } from "./time-week.ts";

export const TIMESHEET_ENTITY = "Timesheet";

type SheetRow = { id: string; status: TimesheetView["status"]; submittedAt: Date | null; decidedAt: Date | null; decidedById: string | null; rejectionReason: string | null };

function sheetView(
  engineer: { id: string; name: string },
  weekStart: string,
  sheet: SheetRow | null,
  entries: EntryRow[],
  tz: string,
  names: Map<string, string>,
  withEntries: boolean,
): TimesheetView {
  const now = new Date();
  const days = weekDays(weekStart).map((date) => ({ date, minutes: 0 }));
  for (const e of entries) {
    const p = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(e.startedAt);
    const day = days.find((d) => d.date === p);
    if (day) day.minutes += workedMinutes(e, now);
  }
  return {
    id: sheet?.id ?? null,
    engineer,
    weekStart,
    status: sheet?.status ?? "OPEN",
    submittedAt: sheet?.submittedAt?.toISOString() ?? null,
    decidedAt: sheet?.decidedAt?.toISOString() ?? null,
    decidedBy: sheet?.decidedById ? { id: sheet.decidedById, name: names.get(sheet.decidedById) ?? "Former user" } : null,
    rejectionReason: sheet?.rejectionReason ?? null,
    totalMinutes: days.reduce((s, d) => s + d.minutes, 0),
    entryCount: entries.length,
    runningClock: entries.some((e) => !e.endedAt),
    days,
    ...(withEntries ? { entries: entries.map((e) => entryView(e, tz, now)) } : {}),
  };
}

/** The week's timesheets: one per engineer who tracks time or has entries or a sheet that week. */
export async function listTimesheets(ctx: TenantContext, q: ListTimesheetsQuery) {
  const all = canReadAllTime(ctx);
  if (!all && !can(ctx, "time.track")) throw forbidden();
  const tz = await companyTimeZone(ctx.db);
  const weekStart = q.weekStart ?? weekStartOf(new Date(), tz);
  const engineerFilter = all ? q.engineerId : ctx.user.id;
  const window = weekWindow(weekStart, tz);
  const [people, sheets, entries] = await Promise.all([
    findTrackedPeople(ctx.db),
    findTimesheetsForWeek(ctx.db, dbDate(weekStart), engineerFilter ? { engineerId: engineerFilter } : {}),
    findEntriesInWindow(ctx.db, engineerFilter ? { engineerId: engineerFilter } : {}, window.from, window.to),
  ]);
  const names = new Map(people.map((p) => [p.userId, p.user.name]));
  for (const e of entries) names.set(e.engineerId, e.engineer.user.name);
  const decidedNames = await findUserNames(sheets.map((s) => s.decidedById).filter((x): x is string => !!x));
  const ids = new Set<string>([
    ...people.filter((p) => p.role === "ENGINEER" || entries.some((e) => e.engineerId === p.userId)).map((p) => p.userId),
    ...sheets.map((s) => s.engineerId),
    ...entries.map((e) => e.engineerId),
  ]);
  if (engineerFilter) for (const id of [...ids]) if (id !== engineerFilter) ids.delete(id);
  if (engineerFilter) ids.add(engineerFilter);
  const missing = [...ids].filter((id) => !names.has(id));
  for (const [id, name] of await findUserNames(missing)) names.set(id, name);
  let items = [...ids].map((id) =>
    sheetView({ id, name: names.get(id) ?? "Former user" }, weekStart, sheets.find((s) => s.engineerId === id) ?? null, entries.filter((e) => e.engineerId === id), tz, decidedNames, false),
  );
  if (q.status) items = items.filter((i) => i.status === q.status);
  items.sort((a, b) => a.engineer.name.localeCompare(b.engineer.name));
  return { weekStart, items };
}

/** One engineer's week with its entries. */
export async function getTimesheet(ctx: TenantContext, engineerId: string, weekStart: string): Promise<TimesheetView> {
  assertUuid(engineerId);
  if (engineerId !== ctx.user.id && !canReadAllTime(ctx)) throw notFound();
  if (engineerId === ctx.user.id && !canReadAllTime(ctx) && !can(ctx, "time.track")) throw forbidden();
  const member = await findMember(ctx.db, engineerId);
  if (!member) throw notFound();
  const tz = await companyTimeZone(ctx.db);
  const window = weekWindow(weekStart, tz);
  const [sheet, entries] = await Promise.all([findTimesheet(ctx.db, engineerId, dbDate(weekStart)), findEntriesInWindow(ctx.db, { engineerId }, window.from, window.to)]);
  const names = await findUserNames(sheet?.decidedById ? [sheet.decidedById] : []);
  return sheetView({ id: engineerId, name: member.user.name }, weekStart, sheet, entries, tz, names, true);
}

export async function getTimesheetById(ctx: TenantContext, id: string): Promise<TimesheetView> {
  assertUuid(id);
  const sheet = await findTimesheetById(ctx.db, id);
  if (!sheet || (sheet.engineerId !== ctx.user.id && !canReadAllTime(ctx))) throw notFound();
  return getTimesheet(ctx, sheet.engineerId, fromDbDate(sheet.weekStart));
}

/** Submits the week for approval: the engineer for themselves (time.track) or the office for anyone (jobs.manage). */
export async function submitTimesheet(ctx: TenantContext, input: { engineerId?: string; weekStart: string }): Promise<TimesheetView> {
  const engineerId = input.engineerId ?? ctx.user.id;
  assertUuid(engineerId);
  if (engineerId === ctx.user.id ? !can(ctx, "time.track") && !can(ctx, "jobs.manage") : !can(ctx, "jobs.manage")) {
    if (engineerId !== ctx.user.id && !canReadAllTime(ctx)) throw notFound();
    throw forbidden();
  }
  const member = await findMember(ctx.db, engineerId);
  if (!member) throw notFound();
  await ctx.db.$transaction(async (tx) => {
    const tz = await companyTimeZone(tx);
    const sheet = await upsertTimesheet(tx, ctx.companyId, engineerId, dbDate(input.weekStart));
    await lockTimesheet(tx, ctx.companyId, sheet.id);
    const current = (await findTimesheetById(tx, sheet.id))!;
    if (current.status === "SUBMITTED") throw conflict("This timesheet is already submitted.");
    if (current.status === "APPROVED") throw conflict("This timesheet is already approved.");
    const window = weekWindow(input.weekStart, tz);
    const entries = await findEntriesInWindow(tx, { engineerId }, window.from, window.to);
    if (!entries.length) throw validationFailed("There is no time recorded in this week.", { weekStart: "No time recorded this week" });
    if (entries.some((e) => !e.endedAt)) throw conflict("A clock is still running in this week. Clock out before submitting.");
    await linkEntriesToTimesheet(tx, entries.map((e) => e.id), sheet.id);
    await updateTimesheetRow(tx, sheet.id, { status: "SUBMITTED", submittedAt: new Date(), rejectionReason: null });
    const minutes = entries.reduce((s, e) => s + workedMinutes(e), 0);
    await audit(tx, ctx, { entityType: TIMESHEET_ENTITY, entityId: sheet.id, action: "timesheet.submitted", before: { status: current.status }, after: { status: "SUBMITTED", weekStart: input.weekStart, engineer: member.user.name, entries: entries.length, hours: minutesToHours(minutes) } });
  });
  return getTimesheet(ctx, engineerId, input.weekStart);
}

async function decide(ctx: TenantContext, id: string, to: "APPROVED" | "REJECTED", reason?: string): Promise<TimesheetView> {
  assertCan(ctx, "timesheets.approve");
  assertUuid(id);
  const sheet = await ctx.db.$transaction(async (tx) => {
    const found = await findTimesheetById(tx, id);
    if (!found) throw notFound();
    await lockTimesheet(tx, ctx.companyId, id);
    const current = (await findTimesheetById(tx, id))!;
    if (current.status !== "SUBMITTED") throw conflict(`Only a submitted timesheet can be ${to === "APPROVED" ? "approved" : "rejected"}; this one is ${current.status.toLowerCase()}.`);
    await updateTimesheetRow(tx, id, { status: to, decidedAt: new Date(), decidedById: ctx.user.id, rejectionReason: to === "REJECTED" ? (reason ?? null) : null });
    await audit(tx, ctx, {
      entityType: TIMESHEET_ENTITY,
      entityId: id,
      action: to === "APPROVED" ? "timesheet.approved" : "timesheet.rejected",
      before: { status: current.status },
      after: { status: to, weekStart: fromDbDate(current.weekStart), engineer: current.engineer.user.name, ...(reason ? { reason } : {}) },
    });
    return current;
  });
  return getTimesheet(ctx, sheet.engineerId, fromDbDate(sheet.weekStart));
}

export const approveTimesheet = (ctx: TenantContext, id: string) => decide(ctx, id, "APPROVED");
export const rejectTimesheet = (ctx: TenantContext, id: string, reason: string) => {
  if (!reason.trim()) throw validationFailed("Say what needs changing.", { reason: "Say what needs changing" });
  return decide(ctx, id, "REJECTED", reason.trim());
};

// ---- payroll export ----

/** Payroll export of a week: approved timesheets (default) or every entry of the week. */
export async function exportTimesheets(ctx: TenantContext, q: ExportTimesheetsQuery): Promise<Response> {
  assertCan(ctx, "timesheets.approve");
  const tz = await companyTimeZone(ctx.db);
  const window = weekWindow(q.weekStart, tz);
  const sheets = await findTimesheetsForWeek(ctx.db, dbDate(q.weekStart));
  const status = new Map(sheets.map((s) => [s.engineerId, s.status]));
  const approved = sheets.filter((s) => s.status === "APPROVED").map((s) => s.engineerId);
  const entries = await findEntriesInWindow(ctx.db, q.status === "APPROVED" ? { engineerId: { in: approved } } : {}, window.from, window.to);
  const rows = exportRows(entries, (id) => status.get(id) ?? "OPEN", q.weekStart, tz);
  const base = `timesheets-${q.weekStart}${q.status === "ALL" ? "-all" : ""}`;
  await audit(ctx.db, ctx, { entityType: TIMESHEET_ENTITY, entityId: null, action: "timesheet.exported", after: { weekStart: q.weekStart, format: q.format, status: q.status, rows: rows.length } });
  if (q.format === "csv") return csvResponse(`${base}.csv`, toCsv(EXPORT_HEADER, rows));
  const buf = await toXlsx(EXPORT_HEADER, rows, `Week ${q.weekStart}`);
  return new Response(new Uint8Array(buf), {
    status: 200,
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${base}.xlsx"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
