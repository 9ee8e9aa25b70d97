/**
 * Time entries: the engineer's clock (clock in on a job, breaks, clock out) and manual entries
 * (the office for anyone, engineers for themselves). Every entry belongs to the timesheet of the
 * week its start falls in (company time zone); a submitted or approved week is locked: its entries
 * can't be added, changed or removed (refused here, whoever asks). Clock functions accept the
 * device time (`occurredAt`) so the offline portal replays actions as they happened.
 */
import { assertJobAccess, assertUuid } from "@/modules/jobs/job-access.ts";
import { FINAL_STATUSES } from "@/modules/jobs/job-status.ts";
import { JOB_ENTITY } from "@/modules/jobs/jobs.repo.ts";
import { audit } from "@/server/audit/audit.ts";
import { can, type TenantContext } from "@/server/context.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { conflict, forbidden, notFound, validationFailed } from "@/server/errors/errors.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { formatShortDate } from "@/ui/format.ts";
import {
  companyTimeZone,
  deleteEntryRow,
  findEntries,
  findEntry,
  findMember,
  findRunningEntry,
  findTimesheet,
  insertEntry,
  lockEngineer,
  updateEntryRow,
  upsertTimesheet,
  type EntryRow,
} from "./time.repo.ts";
import type { ListTimeEntriesQuery, TimeEntryInput, TimeEntryView, UpdateTimeEntryInput } from "./time.schema.ts";
import { dbDate, weekStartOf, weekWindow, workedMinutes } from "./time-week.ts";

export const TIME_ENTITY = "TimeEntry";

const LOCKED = new Set(["SUBMITTED", "APPROVED"]);

export function entryView(e: EntryRow, timeZone: string, now = new Date()): TimeEntryView {
  return {
    id: e.id,
    engineer: { id: e.engineerId, name: e.engineer.user.name },
    job: e.job,
    source: e.source,
    startedAt: e.startedAt.toISOString(),
    endedAt: e.endedAt?.toISOString() ?? null,
    breakMinutes: e.breakMinutes,
    onBreakSince: e.breakStartedAt?.toISOString() ?? null,
    workedMinutes: workedMinutes(e, now),
    notes: e.notes,
    weekStart: weekStartOf(e.startedAt, timeZone),
    locked: !!e.timesheet && LOCKED.has(e.timesheet.status),
  };
}

/** May this context read everyone's time (office), or only their own? */
export function canReadAllTime(ctx: TenantContext): boolean {
  return can(ctx, "jobs.view") || can(ctx, "timesheets.approve");
}

/** Who the entry is for, checked: yourself (time.track or the office), or anyone (jobs.manage). */
async function resolveEngineer(ctx: TenantContext, engineerId: string | undefined): Promise<string> {
  const id = engineerId ?? ctx.user.id;
  assertUuid(id);
  if (id === ctx.user.id) {
    if (!can(ctx, "time.track") && !can(ctx, "jobs.manage")) throw forbidden();
    return id;
  }
  if (!can(ctx, "jobs.manage")) throw forbidden("You can only record your own time.");
  const member = await findMember(ctx.db, id);
  if (!member || member.status !== "ACTIVE" || member.role === "CLIENT") throw validationFailed("Choose an engineer of this company.", { engineerId: "Choose an engineer of this company" });
  return id;
}

/** An entry this context may see: its own, or any for the office. Anything else is NOT_FOUND. */
async function visibleEntry(ctx: TenantContext, id: string, db: TenantContext["db"] | TenantTx = ctx.db) {
  assertUuid(id);
  const e = await findEntry(db, id);
  if (!e || (e.engineerId !== ctx.user.id && !canReadAllTime(ctx))) throw notFound();
  return e;
}

/** Changing an entry: your own (time.track) or, for the office, anyone's (jobs.manage). */
function assertCanChange(ctx: TenantContext, e: { engineerId: string }) {
  if (e.engineerId === ctx.user.id ? !can(ctx, "time.track") && !can(ctx, "jobs.manage") : !can(ctx, "jobs.manage")) throw forbidden();
}

/** Refuses when the week's timesheet is submitted or approved; returns the week's timesheet id (created OPEN if new). */
async function openWeek(tx: TenantTx, ctx: TenantContext, engineerId: string, startedAt: Date, timeZone: string): Promise<string> {
  const weekStart = weekStartOf(startedAt, timeZone);
  const existing = await findTimesheet(tx, engineerId, dbDate(weekStart));
  if (existing && LOCKED.has(existing.status)) {
    throw conflict(`The timesheet for the week of ${formatShortDate(`${weekStart}T12:00:00Z`, "UTC")} is ${existing.status === "APPROVED" ? "approved" : "submitted"}: its time entries are locked.`);
  }
  return existing?.id ?? (await upsertTimesheet(tx, ctx.companyId, engineerId, dbDate(weekStart))).id;
}

async function assertJobForTime(ctx: TenantContext, jobId: string, what: string) {
  const job = await assertJobAccess(ctx, jobId, "act");
  if (FINAL_STATUSES.has(job.status)) throw conflict(`The job is ${job.status === "CANCELLED" ? "cancelled" : "finished"}: ${what}.`);
  return job;
}

// ---- reads ----

export async function listTimeEntries(ctx: TenantContext, q: ListTimeEntriesQuery) {
  const all = canReadAllTime(ctx);
  if (!all && !can(ctx, "time.track")) throw forbidden();
  if (!all && q.engineerId && q.engineerId !== ctx.user.id) throw forbidden("You can only see your own time.");
  const tz = await companyTimeZone(ctx.db);
  const engineerId = all ? q.engineerId : ctx.user.id;
  if (q.jobId) await assertJobAccess(ctx, q.jobId, "view");
  const window = q.weekStart ? weekWindow(q.weekStart, tz) : null;
  const rows = await findEntries(
    ctx.db,
    { ...(engineerId ? { engineerId } : {}), ...(q.jobId ? { jobId: q.jobId } : {}), ...(window ? { startedAt: { gte: window.from, lt: window.to } } : {}) },
    q,
  );
  const page = pageOf(rows, q.limit);
  return { items: page.items.map((e) => entryView(e, tz)), nextCursor: page.nextCursor };
}

export async function getTimeEntry(ctx: TenantContext, id: string) {
  const e = await visibleEntry(ctx, id);
  return entryView(e, await companyTimeZone(ctx.db));
}

/** The engineer's running clock, if any. */
export async function runningClock(ctx: TenantContext, engineerId?: string) {
  const id = engineerId ?? ctx.user.id;
  if (id !== ctx.user.id && !canReadAllTime(ctx)) throw notFound();
  const e = await findRunningEntry(ctx.db, id);
  return e ? entryView(e, await companyTimeZone(ctx.db)) : null;
}

// ---- the clock ----

/** Starts the clock on a job (one running clock per engineer); a scheduled job moves to in progress. */
export async function clockIn(ctx: TenantContext, input: { jobId: string; engineerId?: string; occurredAt?: Date | null }): Promise<TimeEntryView> {
  const engineerId = await resolveEngineer(ctx, input.engineerId);
  const job = await assertJobForTime(ctx, input.jobId, "time can't be clocked on it");
  const startedAt = input.occurredAt ?? new Date();
  return ctx.db.$transaction(async (tx) => {
    await lockEngineer(tx, ctx.companyId, engineerId);
    const running = await findRunningEntry(tx, engineerId);
    if (running) throw conflict(`Already clocked in${running.job ? ` on ${running.job.number}` : ""} since ${running.startedAt.toISOString()}. Clock out first.`);
    const tz = await companyTimeZone(tx);
    const timesheetId = await openWeek(tx, ctx, engineerId, startedAt, tz);
    const entry = await insertEntry(tx, { companyId: ctx.companyId, engineerId, jobId: job.id, timesheetId, source: "CLOCK", startedAt, createdById: ctx.user.id });
    await audit(tx, ctx, {
      entityType: TIME_ENTITY,
      entityId: entry.id,
      action: "time.clocked_in",
      after: { job: job.number, startedAt },
      metadata: { jobId: job.id, engineerId, ...(input.occurredAt ? { occurredAt: input.occurredAt.toISOString() } : {}) },
    });
    const fresh = await tx.job.findUnique({ where: { id: job.id }, select: { status: true } });
    if (fresh?.status === "SCHEDULED") {
      await tx.job.update({ where: { id: job.id }, data: { status: "IN_PROGRESS" } });
      await audit(tx, ctx, { entityType: JOB_ENTITY, entityId: job.id, action: "job.status_changed", before: { status: "SCHEDULED" }, after: { status: "IN_PROGRESS", reason: "Clocked in" } });
    }
    return entryView(entry, tz);
  });
}

async function changeRunning(
  ctx: TenantContext,
  timeEntryId: string,
  occurredAt: Date | null | undefined,
  action: string,
  change: (e: EntryRow, at: Date) => { data: Parameters<typeof updateEntryRow>[2]; after: Record<string, unknown> } | null,
): Promise<TimeEntryView> {
  const e = await visibleEntry(ctx, timeEntryId);
  assertCanChange(ctx, e);
  return ctx.db.$transaction(async (tx) => {
    await lockEngineer(tx, ctx.companyId, e.engineerId);
    const current = (await findEntry(tx, timeEntryId))!;
    const tz = await companyTimeZone(tx);
    if (current.timesheet && LOCKED.has(current.timesheet.status)) await openWeek(tx, ctx, current.engineerId, current.startedAt, tz);
    const at = occurredAt ?? new Date();
    const result = change(current, at);
    if (!result) return entryView(current, tz);
    const updated = await updateEntryRow(tx, timeEntryId, result.data);
    await audit(tx, ctx, { entityType: TIME_ENTITY, entityId: timeEntryId, action, after: result.after, metadata: { jobId: current.jobId, engineerId: current.engineerId, ...(occurredAt ? { occurredAt: occurredAt.toISOString() } : {}) } });
    return entryView(updated, tz);
  });
}

const breakSoFar = (e: { breakStartedAt: Date | null }, at: Date) => (e.breakStartedAt ? Math.max(0, Math.round((at.getTime() - e.breakStartedAt.getTime()) / 60_000)) : 0);

/** Stops the clock (ending a running break first). Clocking out a stopped entry changes nothing. */
export async function clockOut(ctx: TenantContext, input: { timeEntryId: string; occurredAt?: Date | null }): Promise<TimeEntryView> {
  return changeRunning(ctx, input.timeEntryId, input.occurredAt, "time.clocked_out", (e, at) => {
    if (e.endedAt) return null;
    if (at <= e.startedAt) throw validationFailed("The clock-out time is before the clock-in time.", { occurredAt: "Must be after the clock-in time" });
    const breakMinutes = e.breakMinutes + breakSoFar(e, at);
    return { data: { endedAt: at, breakStartedAt: null, breakMinutes }, after: { endedAt: at, breakMinutes, workedMinutes: workedMinutes({ startedAt: e.startedAt, endedAt: at, breakMinutes }) } };
  });
}

export async function startBreak(ctx: TenantContext, input: { timeEntryId: string; occurredAt?: Date | null }): Promise<TimeEntryView> {
  return changeRunning(ctx, input.timeEntryId, input.occurredAt, "time.break_started", (e, at) => {
    if (e.endedAt) throw conflict("The clock is stopped: a break can't start.");
    if (e.breakStartedAt) return null;
    if (at < e.startedAt) throw validationFailed("The break can't start before the clock-in time.", { occurredAt: "Must be after the clock-in time" });
    return { data: { breakStartedAt: at }, after: { breakStartedAt: at } };
  });
}

export async function endBreak(ctx: TenantContext, input: { timeEntryId: string; occurredAt?: Date | null }): Promise<TimeEntryView> {
  return changeRunning(ctx, input.timeEntryId, input.occurredAt, "time.break_ended", (e, at) => {
    if (!e.breakStartedAt) return null;
    const breakMinutes = e.breakMinutes + breakSoFar(e, at);
    return { data: { breakStartedAt: null, breakMinutes }, after: { breakMinutes } };
  });
}

// ---- manual entries ----

export async function createTimeEntry(ctx: TenantContext, input: TimeEntryInput): Promise<TimeEntryView> {
  const engineerId = await resolveEngineer(ctx, input.engineerId);
  if (input.jobId) await assertJobAccess(ctx, input.jobId, "act");
  return ctx.db.$transaction(async (tx) => {
    const tz = await companyTimeZone(tx);
    const timesheetId = await openWeek(tx, ctx, engineerId, input.startedAt, tz);
    const entry = await insertEntry(tx, {
      companyId: ctx.companyId,
      engineerId,
      jobId: input.jobId ?? null,
      timesheetId,
      source: "MANUAL",
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      breakMinutes: input.breakMinutes,
      notes: input.notes ?? null,
      createdById: ctx.user.id,
    });
    await audit(tx, ctx, {
      entityType: TIME_ENTITY,
      entityId: entry.id,
      action: "time.entry_created",
      after: { engineer: entry.engineer.user.name, job: entry.job?.number ?? null, startedAt: entry.startedAt, endedAt: entry.endedAt, breakMinutes: entry.breakMinutes, notes: entry.notes },
      metadata: { engineerId, jobId: entry.jobId },
    });
    return entryView(entry, tz);
  });
}

export async function updateTimeEntry(ctx: TenantContext, id: string, input: UpdateTimeEntryInput): Promise<TimeEntryView> {
  const e = await visibleEntry(ctx, id);
  assertCanChange(ctx, e);
  if (input.jobId) await assertJobAccess(ctx, input.jobId, "act");
  return ctx.db.$transaction(async (tx) => {
    const current = (await findEntry(tx, id))!;
    const tz = await companyTimeZone(tx);
    await openWeek(tx, ctx, current.engineerId, current.startedAt, tz);
    const startedAt = input.startedAt ?? current.startedAt;
    const endedAt = input.endedAt !== undefined ? input.endedAt : current.endedAt;
    const breakMinutes = input.breakMinutes ?? current.breakMinutes;
    if (endedAt && endedAt <= startedAt) throw validationFailed("The end must be after the start.", { endedAt: "The end must be after the start" });
    if (endedAt && endedAt.getTime() - startedAt.getTime() > 24 * 3600_000) throw validationFailed("One entry can be at most 24 hours.", { endedAt: "One entry can be at most 24 hours" });
    if (endedAt && (endedAt.getTime() - startedAt.getTime()) / 60_000 < breakMinutes) throw validationFailed("The break is longer than the time worked.", { breakMinutes: "The break is longer than the time worked" });
    const timesheetId = await openWeek(tx, ctx, current.engineerId, startedAt, tz);
    const data = {
      ...(input.jobId !== undefined ? { jobId: input.jobId } : {}),
      startedAt,
      endedAt,
      breakMinutes,
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      timesheetId,
    };
    const updated = await updateEntryRow(tx, id, data);
    await audit(tx, ctx, {
      entityType: TIME_ENTITY,
      entityId: id,
      action: "time.entry_updated",
      before: { job: current.job?.number ?? null, startedAt: current.startedAt, endedAt: current.endedAt, breakMinutes: current.breakMinutes, notes: current.notes },
      after: { job: updated.job?.number ?? null, startedAt: updated.startedAt, endedAt: updated.endedAt, breakMinutes: updated.breakMinutes, notes: updated.notes },
      metadata: { engineerId: current.engineerId },
    });
    return entryView(updated, tz);
  });
}

export async function deleteTimeEntry(ctx: TenantContext, id: string) {
  const e = await visibleEntry(ctx, id);
  assertCanChange(ctx, e);
  await ctx.db.$transaction(async (tx) => {
    const current = (await findEntry(tx, id))!;
    const tz = await companyTimeZone(tx);
    await openWeek(tx, ctx, current.engineerId, current.startedAt, tz);
    await deleteEntryRow(tx, id);
    await audit(tx, ctx, {
      entityType: TIME_ENTITY,
      entityId: id,
      action: "time.entry_deleted",
      before: { engineer: current.engineer.user.name, job: current.job?.number ?? null, startedAt: current.startedAt, endedAt: current.endedAt, breakMinutes: current.breakMinutes },
      metadata: { engineerId: current.engineerId },
    });
  });
  return { deleted: true };
}
