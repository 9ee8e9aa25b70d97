/**
 * The clock, manual entries and weekly timesheets: one running clock per engineer, breaks,
 * device times; submit → approve locks the week's entries (refused server-side for everyone),
 * reject opens them again; the payroll export carries approved weeks with injection-safe cells.
 */
import { describe, expect, it } from "vitest";
import * as exportRoute from "../../app/api/admin/timesheets/export/route.ts";
import { assignEngineer, createJob, getJob, transitionJob } from "@/modules/jobs/jobs.service.ts";
import { clockIn, clockOut, createTimeEntry, deleteTimeEntry, endBreak, listTimeEntries, startBreak, updateTimeEntry } from "@/modules/time/time.service.ts";
import { approveTimesheet, getTimesheet, listTimesheets, rejectTimesheet, submitTimesheet } from "@/modules/time/timesheets.service.ts";
import { weekStartOf } from "@/modules/time/time-week.ts";
import { AppError } from "@/server/errors/errors.ts";
import { createSession, tenantWithAdmin } from "../support/factories.ts";
import { call } from "../support/http.ts";
import { createClientWithSite, member } from "../support/jobs-fixtures.ts";

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

const WEEK = "2026-11-09"; // a past Monday (Europe/London: GMT)
const at = (day: number, hhmm: string) => new Date(`2026-11-${String(9 + day).padStart(2, "0")}T${hhmm}:00Z`);

async function setup() {
  const t = await tenantWithAdmin();
  const eng = await member(t.company.id, "ENGINEER", "Dan Evans");
  const other = await member(t.company.id, "ENGINEER", "Sam Patel");
  const { client } = await createClientWithSite(t.company.id);
  const job = await createJob(t.ctx, { clientId: client.id, title: "Rewire" });
  await assignEngineer(t.ctx, job.id, eng.user.id);
  return { ...t, eng, other, job };
}

describe("the clock", () => {
  it("clocks in (starting the job), takes a break, clocks out with device times; one clock at a time", async () => {
    const s = await setup();
    const entry = await clockIn(s.eng.ctx, { jobId: s.job.id, occurredAt: at(0, "08:00") });
    expect(entry).toMatchObject({ source: "CLOCK", endedAt: null, weekStart: WEEK, job: { id: s.job.id } });
    expect((await getJob(s.ctx, s.job.id)).status).toBe("IN_PROGRESS");
    const twice = await failure(clockIn(s.eng.ctx, { jobId: s.job.id }));
    expect(twice.status).toBe(409);
    await startBreak(s.eng.ctx, { timeEntryId: entry.id, occurredAt: at(0, "12:00") });
    await startBreak(s.eng.ctx, { timeEntryId: entry.id, occurredAt: at(0, "12:05") }); // replay: no change
    await endBreak(s.eng.ctx, { timeEntryId: entry.id, occurredAt: at(0, "12:30") });
    const out = await clockOut(s.eng.ctx, { timeEntryId: entry.id, occurredAt: at(0, "16:30") });
    expect(out).toMatchObject({ breakMinutes: 30, workedMinutes: 480, endedAt: at(0, "16:30").toISOString() });
    const replay = await clockOut(s.eng.ctx, { timeEntryId: entry.id, occurredAt: at(0, "17:00") });
    expect(replay.endedAt).toBe(at(0, "16:30").toISOString());
    expect(await s.ctx.db.auditEvent.count({ where: { entityId: entry.id, action: "time.clocked_out" } })).toBe(1);
    expect((await getJob(s.ctx, s.job.id)).time.minutesLogged).toBe(480);
  });

  it("refuses clocking on someone else's job (404), a finished job (409), and others' entries", async () => {
    const s = await setup();
    expect((await failure(clockIn(s.other.ctx, { jobId: s.job.id }))).status).toBe(404);
    const entry = await clockIn(s.eng.ctx, { jobId: s.job.id });
    expect((await failure(clockOut(s.other.ctx, { timeEntryId: entry.id }))).status).toBe(404);
    expect((await failure(clockIn(s.eng.ctx, { jobId: s.job.id, engineerId: s.other.user.id }))).status).toBe(403);
    await transitionJob(s.ctx, s.job.id, "CANCELLED", { reason: "Client cancelled" });
    await clockOut(s.eng.ctx, { timeEntryId: entry.id });
    expect((await failure(clockIn(s.eng.ctx, { jobId: s.job.id }))).status).toBe(409);
  });
});

describe("timesheets", () => {
  it("submit → approve locks the week's entries for everyone; reject unlocks them", async () => {
    const s = await setup();
    const e1 = await createTimeEntry(s.eng.ctx, { jobId: s.job.id, startedAt: at(0, "08:00"), endedAt: at(0, "16:00"), breakMinutes: 30, notes: "First fix" });
    await createTimeEntry(s.ctx, { engineerId: s.eng.user.id, jobId: s.job.id, startedAt: at(1, "08:00"), endedAt: at(1, "12:00"), breakMinutes: 0 });
    const submitted = await submitTimesheet(s.eng.ctx, { weekStart: WEEK });
    expect((await failure(approveTimesheet(s.ctx, "0190a0a0-0000-7000-8000-000000000000"))).status).toBe(404);
    expect((await approveTimesheet(s.ctx, submitted.id!)).status).toBe("APPROVED");
    const sheet = await getTimesheet(s.ctx, s.eng.user.id, WEEK);
    expect(sheet).toMatchObject({ status: "APPROVED", totalMinutes: 450 + 240, entryCount: 2 });
    expect(sheet.days.slice(0, 2).map((d) => d.minutes)).toEqual([450, 240]);
    expect(sheet.entries!.every((e) => e.locked)).toBe(true);

    for (const attempt of [
      () => updateTimeEntry(s.ctx, e1.id, { breakMinutes: 0 }),
      () => updateTimeEntry(s.eng.ctx, e1.id, { notes: "changed" }),
      () => deleteTimeEntry(s.ctx, e1.id),
      () => createTimeEntry(s.ctx, { engineerId: s.eng.user.id, startedAt: at(2, "08:00"), endedAt: at(2, "09:00"), breakMinutes: 0 }),
      () => clockIn(s.eng.ctx, { jobId: s.job.id, occurredAt: at(3, "08:00") }),
    ]) {
      const e = await failure(attempt());
      expect(e.status).toBe(409);
      expect(e.message).toMatch(/approved: its time entries are locked/);
    }
    // Moving an entry of an open week into the approved week is refused too.
    const next = await createTimeEntry(s.eng.ctx, { startedAt: new Date("2026-11-16T08:00:00Z"), endedAt: new Date("2026-11-16T09:00:00Z"), breakMinutes: 0 });
    expect((await failure(updateTimeEntry(s.eng.ctx, next.id, { startedAt: at(2, "08:00"), endedAt: at(2, "09:00") }))).status).toBe(409);
    expect((await failure(rejectTimesheet(s.ctx, sheet.id!, "late"))).status).toBe(409);
    const entry = await s.ctx.db.timeEntry.findUniqueOrThrow({ where: { id: e1.id } });
    expect(entry.breakMinutes).toBe(30);
  });

  it("rejects with a reason (then entries can change and the week be resubmitted); refuses empty weeks and running clocks", async () => {
    const s = await setup();
    expect((await failure(submitTimesheet(s.eng.ctx, { weekStart: WEEK }))).status).toBe(422);
    const running = await clockIn(s.eng.ctx, { jobId: s.job.id, occurredAt: at(0, "08:00") });
    expect((await failure(submitTimesheet(s.eng.ctx, { weekStart: WEEK }))).message).toMatch(/clock is still running/);
    await clockOut(s.eng.ctx, { timeEntryId: running.id, occurredAt: at(0, "10:00") });
    const submitted = await submitTimesheet(s.eng.ctx, { weekStart: WEEK });
    expect(submitted.status).toBe("SUBMITTED");
    expect((await failure(updateTimeEntry(s.eng.ctx, running.id, { notes: "x" }))).message).toMatch(/submitted/);
    const office = await member(s.company.id, "OFFICE");
    const rejected = await rejectTimesheet(office.ctx, submitted.id!, "Add Tuesday's time");
    expect(rejected).toMatchObject({ status: "REJECTED", rejectionReason: "Add Tuesday's time", decidedBy: { id: office.user.id } });
    await updateTimeEntry(s.eng.ctx, running.id, { notes: "Consumer unit" });
    expect((await submitTimesheet(s.eng.ctx, { weekStart: WEEK })).status).toBe("SUBMITTED");
    // Engineers can't approve, nor see others' weeks.
    expect((await failure(approveTimesheet(s.eng.ctx, submitted.id!))).status).toBe(403);
    expect((await failure(getTimesheet(s.other.ctx, s.eng.user.id, WEEK))).status).toBe(404);
    expect((await listTimeEntries(s.other.ctx, { limit: 25 })).items).toEqual([]);
    const week = await listTimesheets(s.ctx, { weekStart: WEEK });
    expect(week.items.map((i) => [i.engineer.name, i.status])).toEqual([
      ["Dan Evans", "SUBMITTED"],
      ["Sam Patel", "OPEN"],
    ]);
  });

  it("exports approved weeks as CSV and XLSX, with formula-like notes neutralised; office only", async () => {
    const s = await setup();
    await createTimeEntry(s.eng.ctx, { jobId: s.job.id, startedAt: at(0, "08:00"), endedAt: at(0, "16:00"), breakMinutes: 30, notes: "=HYPERLINK(\"http://x\")" });
    await createTimeEntry(s.other.ctx, { startedAt: at(0, "08:00"), endedAt: at(0, "09:00"), breakMinutes: 0, notes: "not approved" });
    const sheet = await submitTimesheet(s.eng.ctx, { weekStart: WEEK });
    await approveTimesheet(s.ctx, sheet.id!);
    const token = await createSession(s.user.id, s.company.id);
    const csv = await call(exportRoute.GET, { token, path: `/api/admin/timesheets/export?weekStart=${WEEK}&format=csv` });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`Dan Evans,${WEEK},APPROVED,2026-11-09,08:00,16:00,30,7.5,${(await getJob(s.ctx, s.job.id)).number},Rewire,Manual,"'=HYPERLINK(""http://x"")"`);
    const all = await call(exportRoute.GET, { token, path: `/api/admin/timesheets/export?weekStart=${WEEK}&format=csv&status=ALL` });
    expect(all.text).toContain("not approved");
    const xlsx = await call(exportRoute.GET, { token, path: `/api/admin/timesheets/export?weekStart=${WEEK}&format=xlsx` });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const bad = await call(exportRoute.GET, { token, path: `/api/admin/timesheets/export?weekStart=2026-11-10&format=csv` });
    expect(bad.status).toBe(400);
    const engToken = await createSession(s.eng.user.id, s.company.id);
    expect((await call(exportRoute.GET, { token: engToken, path: `/api/admin/timesheets/export?weekStart=${WEEK}` })).status).toBe(403);
    expect(weekStartOf(at(6, "23:59"), "Europe/London")).toBe(WEEK);
  });
});
