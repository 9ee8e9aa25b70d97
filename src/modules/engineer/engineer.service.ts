/**
 * The engineer's read models: their jobs for today and the coming days, and one job with all
 * it takes on site. Only jobs assigned to them (jobs area's `jobsVisibleTo`); anything else is
 * NOT_FOUND, the same answer as a missing id.
 */
import { findUserNames } from "@/modules/audit/audit.repo.ts";
import { assertUuid, jobsVisibleTo } from "@/modules/jobs/job-access.ts";
import { addDays, localParts, startOfLocalDay } from "@/modules/schedule/schedule-time.ts";
import { visitsForEngineer } from "@/modules/schedule/schedule.service.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import { notFound } from "@/server/errors/errors.ts";
import type { EngineerJob, EngineerJobList, EngineerJobSummary, EngineerVisit } from "./engineer.schema.ts";
import {
  findCompanyTimeZone,
  findImageFileIds,
  findJobNotesOldestFirst,
  findJobSummaries,
  findMyJob,
  findOpenJobsWithout,
  type JobSummaryRow,
} from "./engineer.repo.ts";

/** How far ahead "Upcoming" looks (and what the device keeps for offline use). */
export const UPCOMING_DAYS = 14;
const UNSCHEDULED_LIMIT = 30;
const NOTES_LIMIT = 100;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function visitView(v: { id: string; startsAt: Date; endsAt: Date; notes: string | null }): EngineerVisit {
  return { id: v.id, startsAt: v.startsAt.toISOString(), endsAt: v.endsAt.toISOString(), notes: v.notes };
}

function summary(j: JobSummaryRow, visits: EngineerVisit[]): EngineerJobSummary {
  return { id: j.id, number: j.number, title: j.title, status: j.status, clientName: j.client.name, site: j.site, visits };
}

/** Today's window (local midnight to midnight) and the end of the upcoming window, in the zone. */
export function dayWindows(now: Date, timeZone: string) {
  const p = localParts(now, timeZone);
  const today = { year: p.year, month: p.month, day: p.day };
  return {
    todayStart: startOfLocalDay(today, timeZone),
    tomorrowStart: startOfLocalDay(addDays(today, 1), timeZone),
    upcomingEnd: startOfLocalDay(addDays(today, UPCOMING_DAYS + 1), timeZone),
  };
}

/** The signed-in engineer's jobs: today's, upcoming (by visit) and open ones without a visit. */
export async function myJobs(ctx: TenantContext, now = new Date()): Promise<EngineerJobList> {
  assertCan(ctx, "jobs.view.assigned");
  const visible = jobsVisibleTo(ctx);
  const timeZone = await findCompanyTimeZone(ctx.db);
  const { todayStart, tomorrowStart, upcomingEnd } = dayWindows(now, timeZone);
  // The planner's own read of this engineer's visits (only ever the signed-in user's).
  const visits = (await visitsForEngineer(ctx, { from: todayStart, to: upcomingEnd }))
    .map((v) => ({ id: v.id, jobId: v.jobId, startsAt: new Date(v.startsAt), endsAt: new Date(v.endsAt), notes: v.notes }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  const jobIds = [...new Set(visits.map((v) => v.jobId))];
  const [jobs, unscheduled] = await Promise.all([
    findJobSummaries(ctx.db, jobIds, visible),
    findOpenJobsWithout(ctx.db, jobIds, visible, UNSCHEDULED_LIMIT),
  ]);
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const today: EngineerJobSummary[] = [];
  const upcoming: EngineerJobSummary[] = [];
  // Visits are soonest first, so each job lands in the list of its first visit, in order.
  for (const jobId of jobIds) {
    const job = byId.get(jobId);
    if (!job) continue;
    const mine = visits.filter((v) => v.jobId === jobId);
    const isToday = mine.some((v) => v.startsAt < tomorrowStart && v.endsAt > todayStart);
    if (isToday) today.push(summary(job, mine.filter((v) => v.startsAt < tomorrowStart).map(visitView)));
    else if (job.status !== "CANCELLED") upcoming.push(summary(job, mine.map(visitView)));
  }
  return {
    fetchedAt: new Date().toISOString(),
    timeZone,
    today,
    upcoming,
    unscheduled: unscheduled.map((j) => summary(j, [])),
  };
}

/** One of the engineer's jobs with everything for the visit; NOT_FOUND unless it is theirs. */
export async function myJob(ctx: TenantContext, jobId: string): Promise<EngineerJob> {
  assertCan(ctx, "jobs.view.assigned");
  assertUuid(jobId);
  const visible = jobsVisibleTo(ctx);
  const [job, timeZone] = await Promise.all([findMyJob(ctx.db, jobId, ctx.user.id, visible), findCompanyTimeZone(ctx.db)]);
  if (!job) throw notFound();
  const [images, notes] = await Promise.all([findImageFileIds(ctx.db, job.files.map((f) => f.fileId)), findJobNotesOldestFirst(ctx.db, jobId, NOTES_LIMIT)]);
  const names = await findUserNames([...new Set(notes.map((n) => n.authorId).filter((x): x is string => !!x))]);
  const running = job.timeEntries.find((e) => !e.endedAt) ?? null;
  const contact = job.client.contacts[0] ?? null;
  return {
    ...summary(job, job.visits.map(visitView)),
    fetchedAt: new Date().toISOString(),
    timeZone,
    scope: job.scope,
    client: {
      name: job.client.name,
      contactName: contact?.name ?? null,
      phone: job.client.phone ?? contact?.phone ?? null,
      email: job.client.email ?? contact?.email ?? null,
    },
    checklists: job.checklists.map((c) => ({
      id: c.id,
      title: c.title,
      items: c.items.map((i) => ({ id: i.id, label: i.label, description: i.description, required: i.required, done: !!i.completedAt, completedAt: iso(i.completedAt) })),
    })),
    photos: job.files
      .filter((f) => images.has(f.fileId))
      .map((f) => ({ id: f.id, url: `/api/admin/files/${f.fileId}/download`, caption: f.caption, takenAt: iso(f.takenAt) })),
    notes: notes.map((n) => ({ id: n.id, body: n.body, authorName: n.authorId ? (names.get(n.authorId) ?? "Former user") : null, createdAt: n.createdAt.toISOString() })),
    time: {
      running: running ? { startedAt: running.startedAt.toISOString(), breakStartedAt: iso(running.breakStartedAt), breakMinutes: running.breakMinutes } : null,
      entries: job.timeEntries.filter((e) => e.endedAt).map((e) => ({ id: e.id, startedAt: e.startedAt.toISOString(), endedAt: iso(e.endedAt), breakMinutes: e.breakMinutes })),
    },
    completion: job.completedAt ? { completedAt: job.completedAt.toISOString(), signerName: job.completionSignerName } : null,
    cancelledReason: job.status === "CANCELLED" ? job.cancelledReason : null,
  };
}
