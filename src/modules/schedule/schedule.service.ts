/**
 * Planner use cases: visits (ScheduleEntry) and engineer unavailability.
 *
 * Reading the planner needs jobs.view; booking, moving and removing visits needs planner.manage.
 * Every save runs the pure conflict check inside the transaction, with the engineer's row locked so
 * two planners can't double-book unseen: hard errors are a 422, warnings a 409 unless the save
 * carries an override reason (stored on the visit and audited). A booking also assigns the
 * engineer to the job (their portal shows it) and emails them through the outbox, once per
 * visit version; an engineer whose upcoming visit is reassigned or removed is emailed too.
 */
import type { ScheduleEntry } from "@/generated/prisma/client.ts";
import { jobsVisibleTo } from "@/modules/jobs/job-access.ts";
import { audit } from "@/server/audit/audit.ts";
import { env } from "@/server/config/env.ts";
import { assertCan, can, type TenantContext } from "@/server/context.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { queueEmail } from "@/server/email/queue-email.ts";
import { forbidden, notFound, validationFailed } from "@/server/errors/errors.ts";
import { ScheduleConflictError } from "./schedule.errors.ts";
import { detectConflicts, ERROR_FIELD, type ConflictResult } from "./schedule-conflicts.ts";
import { plannerWindow, type PlannerView } from "./planner-view.ts";
import { formatClock, formatLocalDate, localParts, parseLocalDate } from "./schedule-time.ts";
import {
  deleteUnavailabilityRow,
  deleteVisitRow,
  ensureAssignment,
  findBookableMembers,
  findCompanyHours,
  findEngineerVisitsNear,
  findJobForSchedule,
  findMember,
  findUnavailability,
  findUnavailabilityInWindow,
  findUnscheduledJobs,
  findVisit,
  findVisitView,
  findVisitsInWindow,
  insertUnavailability,
  insertVisit,
  lockEngineer,
  updateUnavailabilityRow,
  updateVisitRow,
  type VisitRow,
} from "./schedule.repo.ts";
import type {
  CheckVisitInput,
  CheckVisitOutput,
  CreateUnavailabilityInput,
  CreateVisitInput,
  ScheduleWindowQuery,
  UnavailabilityView,
  UpdateUnavailabilityInput,
  UpdateVisitInput,
  VisitView,
} from "./schedule.schema.ts";

export const VISIT_ENTITY = "ScheduleEntry";
export const UNAVAILABILITY_ENTITY = "EngineerUnavailability";
const MANAGE = "planner.manage";
const VIEW = "jobs.view";

export function visitView(r: VisitRow): VisitView {
  return {
    id: r.id,
    jobId: r.jobId,
    engineerId: r.engineerId,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    notes: r.notes,
    overrideReason: r.overrideReason,
    updatedAt: r.updatedAt.toISOString(),
    job: {
      number: r.number,
      title: r.title,
      status: r.status,
      clientName: r.clientName,
      site: r.addressLine1 !== null ? { addressLine1: r.addressLine1, town: r.town ?? "", postcode: r.postcode ?? "" } : null,
    },
  };
}

function unavailabilityView(u: { id: string; engineerId: string; kind: UnavailabilityView["kind"]; startsAt: Date; endsAt: Date; note: string | null }): UnavailabilityView {
  return { id: u.id, engineerId: u.engineerId, kind: u.kind, startsAt: u.startsAt.toISOString(), endsAt: u.endsAt.toISOString(), note: u.note };
}

// --- reading --------------------------------------------------------------------------------------

/** Visits overlapping the window (optionally one engineer's), with job number, title, client and site. */
export async function listVisits(ctx: TenantContext, q: ScheduleWindowQuery): Promise<{ items: VisitView[] }> {
  assertCan(ctx, VIEW);
  const rows = await findVisitsInWindow(ctx.db, ctx.companyId, q);
  return { items: rows.map(visitView) };
}

/**
 * The signed-in engineer's own visits in a window (for the engineer portal). Only ever the
 * context user's visits, whatever their role.
 */
export async function visitsForEngineer(ctx: TenantContext, w: { from: Date; to: Date }): Promise<VisitView[]> {
  if (!can(ctx, "jobs.view.assigned") && !can(ctx, VIEW)) throw forbidden();
  const rows = await findVisitsInWindow(ctx.db, ctx.companyId, { from: w.from, to: w.to, engineerId: ctx.user.id });
  return rows.map(visitView);
}

export type PlannerEngineer = { id: string; name: string; role: string };
export type UnscheduledJob = { id: string; number: string; title: string; clientName: string; postcode: string | null; estimatedMinutes: number | null };
export type PlannerData = {
  view: PlannerView;
  /** The local dates shown, first to last. */
  days: string[];
  today: string;
  from: string;
  to: string;
  hours: { timeZone: string; workdayStartMinute: number; workdayEndMinute: number; workingDays: number[] };
  /** Everyone who can be booked (lanes are the engineers plus anyone with a visit in view). */
  people: PlannerEngineer[];
  visits: VisitView[];
  unavailability: UnavailabilityView[];
  unscheduled: UnscheduledJob[];
  canManage: boolean;
};

const ROLE_ORDER: Record<string, number> = { ENGINEER: 0, OFFICE: 1, ADMIN: 2 };
const byRoleThenName = (a: PlannerEngineer, b: PlannerEngineer) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || a.name.localeCompare(b.name, "en-GB");

/** Everything the planner page shows for a view around a date (default today, in the company's zone). */
export async function plannerData(ctx: TenantContext, view: PlannerView, date: string | null): Promise<PlannerData> {
  assertCan(ctx, VIEW);
  const hours = await findCompanyHours(ctx.db, ctx.companyId);
  const today = localParts(new Date(), hours.timeZone);
  const w = plannerWindow(view, (date && parseLocalDate(date)) || today, hours.timeZone);
  const [members, visits, unavailability, unscheduled] = await Promise.all([
    findBookableMembers(ctx.db),
    findVisitsInWindow(ctx.db, ctx.companyId, w),
    findUnavailabilityInWindow(ctx.db, w),
    findUnscheduledJobs(ctx.db, 100),
  ]);
  return {
    view,
    days: w.days.map(formatLocalDate),
    today: formatLocalDate(today),
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    hours,
    people: members.map((m) => ({ id: m.userId, name: m.user.name, role: m.role })).sort(byRoleThenName),
    visits: visits.map(visitView),
    unavailability: unavailability.map(unavailabilityView),
    unscheduled: unscheduled.map((j) => ({ id: j.id, number: j.number, title: j.title, clientName: j.client.name, postcode: j.site?.postcode ?? null, estimatedMinutes: j.estimatedMinutes })),
    canManage: can(ctx, MANAGE),
  };
}

/** People who can be booked on visits (active engineers, office and admins). */
export async function bookableEngineers(ctx: TenantContext): Promise<PlannerEngineer[]> {
  assertCan(ctx, VIEW);
  const rows = await findBookableMembers(ctx.db);
  return rows.map((m) => ({ id: m.userId, name: m.user.name, role: m.role })).sort(byRoleThenName);
}

// --- conflicts ------------------------------------------------------------------------------------

type Proposal = { visitId: string | null; jobId: string; engineerId: string; startsAt: Date; endsAt: Date };

async function evaluate(db: TenantContext["db"] | TenantTx, ctx: TenantContext, p: Proposal) {
  const [hours, member, job, others, unavailability] = await Promise.all([
    findCompanyHours(db, ctx.companyId),
    findMember(db, p.engineerId),
    findJobForSchedule(db, p.jobId, jobsVisibleTo(ctx)),
    findEngineerVisitsNear(db, p.engineerId, p.startsAt, p.endsAt),
    findUnavailabilityInWindow(db, { from: p.startsAt, to: p.endsAt, engineerId: p.engineerId }),
  ]);
  const result = detectConflicts({
    visit: { id: p.visitId, startsAt: p.startsAt, endsAt: p.endsAt },
    company: hours,
    engineer: member ? { name: member.user.name, role: member.role, status: member.status } : null,
    job: job ? { status: job.status } : null,
    otherVisits: others.map((o) => ({ id: o.id, startsAt: o.startsAt, endsAt: o.endsAt, jobNumber: o.job.number })),
    unavailability: unavailability.map((u) => ({ id: u.id, kind: u.kind, startsAt: u.startsAt, endsAt: u.endsAt })),
  });
  return { result, hours, member, job };
}

function refuseErrors(result: ConflictResult) {
  if (result.errors.length === 0) return;
  const fields: Record<string, string> = {};
  for (const e of result.errors) fields[ERROR_FIELD[e.code]] ??= e.message;
  throw validationFailed(result.errors.map((e) => e.message).join(" "), fields);
}

/** Conflict errors and warnings for a proposed visit, without saving anything. */
export async function checkVisit(ctx: TenantContext, input: CheckVisitInput): Promise<CheckVisitOutput> {
  assertCan(ctx, MANAGE);
  let jobId = input.jobId;
  if (input.visitId) {
    const current = await findVisit(ctx.db, input.visitId);
    if (!current) throw notFound();
    jobId = current.jobId;
  }
  const { result } = await evaluate(ctx.db, ctx, { visitId: input.visitId ?? null, jobId: jobId!, engineerId: input.engineerId, startsAt: input.startsAt, endsAt: input.endsAt });
  return result;
}

// --- saving ---------------------------------------------------------------------------------------

const WEEKDAY_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

async function notifyEngineer(
  tx: TenantTx,
  ctx: TenantContext,
  visit: ScheduleEntry,
  change: "assigned" | "moved" | "removed",
  ctxInfo: { engineer: { name: string; email: string }; job: { number: string; title: string }; timeZone: string },
) {
  const a = localParts(visit.startsAt, ctxInfo.timeZone);
  const b = localParts(visit.endsAt, ctxInfo.timeZone);
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  const date = `${WEEKDAY_NAMES[a.isoWeekday]} ${a.day} ${MONTH_NAMES[a.month]} ${a.year}`;
  const endDate = sameDay ? "" : `${WEEKDAY_NAMES[b.isoWeekday]!.slice(0, 3)} ${b.day} ${MONTH_NAMES[b.month]!.slice(0, 3)} `;
  await queueEmail(tx, {
    companyId: ctx.companyId,
    to: [ctxInfo.engineer.email],
    recipientUserIds: [visit.engineerId],
    template: "schedule.visit",
    props: {
      change,
      engineerName: ctxInfo.engineer.name,
      jobNumber: ctxInfo.job.number,
      jobTitle: ctxInfo.job.title,
      when: `${date}, ${formatClock(a.minute)} to ${endDate}${formatClock(b.minute)}`,
      notes: visit.notes,
      url: `${env().APP_URL}/engineer`,
    },
    category: "schedule",
    // One email per visit version (and engineer): a retried save or a replayed outbox row sends nothing more.
    idempotencyKey: `visit-${change}:${visit.id}:${visit.engineerId}:${visit.updatedAt.getTime()}`,
    entityType: VISIT_ENTITY,
    entityId: visit.id,
  });
}

/** The engineer who had a visit (before it was reassigned or removed) hears it's no longer theirs. */
async function notifyRemoved(tx: TenantTx, ctx: TenantContext, previous: ScheduleEntry, info: { job: { number: string; title: string }; timeZone: string }) {
  const member = await findMember(tx, previous.engineerId);
  if (!member || member.status !== "ACTIVE") return;
  await notifyEngineer(tx, ctx, previous, "removed", { engineer: member.user, ...info });
}

function requireOverride(result: ConflictResult, overrideReason: string | undefined) {
  if (result.warnings.length > 0 && !overrideReason) throw new ScheduleConflictError(result.warnings);
}

const visitAuditFields = (v: ScheduleEntry) => ({ jobId: v.jobId, engineerId: v.engineerId, startsAt: v.startsAt, endsAt: v.endsAt, notes: v.notes });

export async function createVisit(ctx: TenantContext, input: CreateVisitInput): Promise<VisitView> {
  assertCan(ctx, MANAGE);
  return ctx.db.$transaction(async (tx) => {
    await lockEngineer(tx, ctx.companyId, input.engineerId);
    const { result, hours, member, job } = await evaluate(tx, ctx, { visitId: null, ...input });
    refuseErrors(result);
    requireOverride(result, input.overrideReason);
    const overrideReason = result.warnings.length ? input.overrideReason! : null;
    const visit = await insertVisit(tx, ctx.companyId, {
      jobId: input.jobId,
      engineerId: input.engineerId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      notes: input.notes ?? null,
      overrideReason,
      createdById: ctx.user.id,
    });
    const assigned = await ensureAssignment(tx, ctx.companyId, input.jobId, input.engineerId);
    await audit(tx, ctx, { entityType: VISIT_ENTITY, entityId: visit.id, action: "schedule.visit_created", after: visitAuditFields(visit), metadata: { jobNumber: job!.number, assignedToJob: assigned } });
    if (overrideReason) {
      await audit(tx, ctx, { entityType: VISIT_ENTITY, entityId: visit.id, action: "schedule.conflict_overridden", metadata: { reason: overrideReason, warnings: result.warnings } });
    }
    await notifyEngineer(tx, ctx, visit, "assigned", { engineer: member!.user, job: job!, timeZone: hours.timeZone });
    return visitView((await findVisitView(tx, ctx.companyId, visit.id))!);
  });
}

export async function updateVisit(ctx: TenantContext, id: string, input: UpdateVisitInput): Promise<VisitView> {
  assertCan(ctx, MANAGE);
  return ctx.db.$transaction(async (tx) => {
    const current = await findVisit(tx, id);
    if (!current) throw notFound();
    const next = {
      engineerId: input.engineerId ?? current.engineerId,
      startsAt: input.startsAt ?? current.startsAt,
      endsAt: input.endsAt ?? current.endsAt,
      notes: input.notes === undefined ? current.notes : input.notes,
    };
    const reassigned = next.engineerId !== current.engineerId;
    const moved = next.startsAt.getTime() !== current.startsAt.getTime() || next.endsAt.getTime() !== current.endsAt.getTime();
    if (!reassigned && !moved && next.notes === current.notes) return visitView((await findVisitView(tx, ctx.companyId, id))!);

    await lockEngineer(tx, ctx.companyId, next.engineerId);
    const { result, hours, member, job } = await evaluate(tx, ctx, { visitId: id, jobId: current.jobId, engineerId: next.engineerId, startsAt: next.startsAt, endsAt: next.endsAt });
    refuseErrors(result);
    requireOverride(result, input.overrideReason);
    const overrideReason = result.warnings.length ? input.overrideReason! : null;
    const visit = await updateVisitRow(tx, id, { ...next, overrideReason });
    const assigned = reassigned ? await ensureAssignment(tx, ctx.companyId, current.jobId, next.engineerId) : false;
    const before = visitAuditFields(current);
    const after = visitAuditFields(visit);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => String(before[k]) !== String(after[k]));
    await audit(tx, ctx, {
      entityType: VISIT_ENTITY,
      entityId: id,
      action: reassigned ? "schedule.visit_reassigned" : moved ? "schedule.visit_moved" : "schedule.visit_updated",
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      metadata: { jobNumber: job!.number, ...(reassigned ? { assignedToJob: assigned } : {}) },
    });
    if (overrideReason) {
      await audit(tx, ctx, { entityType: VISIT_ENTITY, entityId: id, action: "schedule.conflict_overridden", metadata: { reason: overrideReason, warnings: result.warnings } });
    }
    if (reassigned || moved) {
      await notifyEngineer(tx, ctx, visit, reassigned ? "assigned" : "moved", { engineer: member!.user, job: job!, timeZone: hours.timeZone });
    }
    if (reassigned) await notifyRemoved(tx, ctx, current, { job: job!, timeZone: hours.timeZone });
    return visitView((await findVisitView(tx, ctx.companyId, id))!);
  });
}

/** Removes a visit (the job's assignment stays: the engineer may have worked on it). */
export async function deleteVisit(ctx: TenantContext, id: string): Promise<void> {
  assertCan(ctx, MANAGE);
  await ctx.db.$transaction(async (tx) => {
    const current = await findVisit(tx, id);
    if (!current) throw notFound();
    const hours = await findCompanyHours(tx, ctx.companyId);
    const job = await findJobForSchedule(tx, current.jobId, jobsVisibleTo(ctx));
    await deleteVisitRow(tx, id);
    await audit(tx, ctx, { entityType: VISIT_ENTITY, entityId: id, action: "schedule.visit_deleted", before: visitAuditFields(current) });
    // A visit already over is history, not news: only upcoming (or running) visits are worth an email.
    if (job && current.endsAt.getTime() > Date.now()) await notifyRemoved(tx, ctx, current, { job, timeZone: hours.timeZone });
  });
}

// --- unavailability -------------------------------------------------------------------------------

export async function listUnavailability(ctx: TenantContext, q: ScheduleWindowQuery): Promise<{ items: UnavailabilityView[] }> {
  assertCan(ctx, VIEW);
  const rows = await findUnavailabilityInWindow(ctx.db, q);
  return { items: rows.map(unavailabilityView) };
}

export async function getUnavailability(ctx: TenantContext, id: string): Promise<UnavailabilityView> {
  assertCan(ctx, VIEW);
  const row = await findUnavailability(ctx.db, id);
  if (!row) throw notFound();
  return unavailabilityView(row);
}

export async function createUnavailability(ctx: TenantContext, input: CreateUnavailabilityInput): Promise<UnavailabilityView> {
  assertCan(ctx, MANAGE);
  return ctx.db.$transaction(async (tx) => {
    const member = await findMember(tx, input.engineerId);
    if (!member || member.status !== "ACTIVE" || member.role === "CLIENT") throw validationFailed("Choose an engineer from your team.", { engineerId: "Choose an engineer from your team." });
    const row = await insertUnavailability(tx, ctx.companyId, {
      engineerId: input.engineerId,
      kind: input.kind,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      note: input.note ?? null,
      createdById: ctx.user.id,
    });
    await audit(tx, ctx, { entityType: UNAVAILABILITY_ENTITY, entityId: row.id, action: "unavailability.created", after: { engineerId: row.engineerId, kind: row.kind, startsAt: row.startsAt, endsAt: row.endsAt, note: row.note } });
    return unavailabilityView(row);
  });
}

export async function updateUnavailability(ctx: TenantContext, id: string, input: UpdateUnavailabilityInput): Promise<UnavailabilityView> {
  assertCan(ctx, MANAGE);
  return ctx.db.$transaction(async (tx) => {
    const current = await findUnavailability(tx, id);
    if (!current) throw notFound();
    const startsAt = input.startsAt ?? current.startsAt;
    const endsAt = input.endsAt ?? current.endsAt;
    if (endsAt.getTime() <= startsAt.getTime()) throw validationFailed("The end must be after the start.", { endsAt: "The end must be after the start" });
    const data = { kind: input.kind ?? current.kind, startsAt, endsAt, note: input.note === undefined ? current.note : input.note };
    const row = await updateUnavailabilityRow(tx, id, data);
    await audit(tx, ctx, {
      entityType: UNAVAILABILITY_ENTITY,
      entityId: id,
      action: "unavailability.updated",
      before: { kind: current.kind, startsAt: current.startsAt, endsAt: current.endsAt, note: current.note },
      after: data,
    });
    return unavailabilityView(row);
  });
}

export async function deleteUnavailability(ctx: TenantContext, id: string): Promise<void> {
  assertCan(ctx, MANAGE);
  await ctx.db.$transaction(async (tx) => {
    const current = await findUnavailability(tx, id);
    if (!current) throw notFound();
    await deleteUnavailabilityRow(tx, id);
    await audit(tx, ctx, { entityType: UNAVAILABILITY_ENTITY, entityId: id, action: "unavailability.deleted", before: { engineerId: current.engineerId, kind: current.kind, startsAt: current.startsAt, endsAt: current.endsAt } });
  });
}
