import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as schedule from "../../app/api/admin/schedule/route.ts";
import * as oneVisit from "../../app/api/admin/schedule/[id]/route.ts";
import * as check from "../../app/api/admin/schedule/check/route.ts";
import * as unavail from "../../app/api/admin/unavailability/route.ts";
import * as oneUnavail from "../../app/api/admin/unavailability/[id]/route.ts";
import { visitsForEngineer } from "@/modules/schedule/schedule.service.ts";
import { renderEmail } from "@/server/email/render.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { call } from "../support/http.ts";
import { contextFor, createSession, createUser, tenantWithAdmin } from "../support/factories.ts";

const headers = { origin: "http://localhost:3000" };
const db = () => unsafeUnscopedDb();
const missing = "0190a0a0-0000-7000-8000-000000000000";

/** A job ready to schedule (created directly: the jobs area has its own tests). */
async function makeJob(companyId: string, over: { status?: "SCHEDULED" | "IN_PROGRESS" | "ON_HOLD" | "COMPLETED" | "CANCELLED" | "INVOICED"; estimatedMinutes?: number } = {}) {
  const tag = randomBytes(3).toString("hex");
  const client = await db().client.create({ data: { companyId, name: `Client ${tag}`, searchText: `client ${tag}` } });
  const site = await db().site.create({ data: { companyId, clientId: client.id, addressLine1: "12 Mill Lane", town: "Salford", postcode: "M5 4WT" } });
  return db().job.create({
    data: { companyId, number: `JOB-${tag}`, clientId: client.id, siteId: site.id, title: `Rewire ${tag}`, status: over.status ?? "SCHEDULED", estimatedMinutes: over.estimatedMinutes ?? null },
  });
}

async function setup(role: "ADMIN" | "OFFICE" = "OFFICE") {
  const t = await tenantWithAdmin(role);
  const token = await createSession(t.user.id, t.company.id);
  const engineer = await createUser({ companyId: t.company.id, role: "ENGINEER", name: "Dan Hughes" });
  const engineer2 = await createUser({ companyId: t.company.id, role: "ENGINEER", name: "Tom Okafor" });
  const job = await makeJob(t.company.id);
  return { ...t, token, engineer, engineer2, job };
}

// Tuesday 24 November 2026 (GMT): 09:00–11:00 is inside the default 08:00–17:30 Monday–Friday.
const slot = { startsAt: "2026-11-24T09:00:00.000Z", endsAt: "2026-11-24T11:00:00.000Z" };

async function book(token: string, body: Record<string, unknown>) {
  return call(schedule.POST, { token, headers, body });
}

describe("schedule API", () => {
  it("books a visit: assigns the engineer, audits, queues one email; lists it in the window with the job summary", async () => {
    const a = await setup();
    const res = await book(a.token, { jobId: a.job.id, engineerId: a.engineer.id, ...slot, notes: "Key with neighbour at 14" });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      jobId: a.job.id,
      engineerId: a.engineer.id,
      ...slot,
      notes: "Key with neighbour at 14",
      overrideReason: null,
      job: { number: a.job.number, title: a.job.title, status: "SCHEDULED", clientName: expect.stringMatching(/^Client /), site: { addressLine1: "12 Mill Lane", town: "Salford", postcode: "M5 4WT" } },
    });
    const id = res.json.id as string;

    const assignments = await db().jobAssignment.findMany({ where: { companyId: a.company.id, jobId: a.job.id } });
    expect(assignments.map((x) => x.engineerId)).toEqual([a.engineer.id]);

    const outbox = await db().outboxMessage.findMany({ where: { companyId: a.company.id, jobName: "email.send" } });
    expect(outbox).toHaveLength(1);
    const payload = outbox[0]!.payload as { to: string[]; template: string; props: Record<string, unknown>; recipientUserIds: string[] };
    expect(payload.to).toEqual([a.engineer.email]);
    expect(payload.template).toBe("schedule.visit");
    expect(payload.recipientUserIds).toEqual([a.engineer.id]);
    expect(payload.props).toMatchObject({ change: "assigned", jobNumber: a.job.number, when: "Tuesday 24 November 2026, 09:00 to 11:00" });
    expect(outbox[0]!.idempotencyKey).toMatch(new RegExp(`^email:visit-assigned:${id}:${a.engineer.id}:\\d+$`));
    const mail = renderEmail("schedule.visit", payload.props, { companyName: "Sparkright", brandColor: "#1d4ed8" });
    expect(mail.subject).toBe(`New visit: ${a.job.number}, Tuesday 24 November 2026, 09:00 to 11:00`);
    expect(mail.text).toContain("Key with neighbour at 14");

    const events = await db().auditEvent.findMany({ where: { companyId: a.company.id, entityType: "ScheduleEntry", entityId: id } });
    expect(events.map((e) => e.action)).toEqual(["schedule.visit_created"]);
    expect(events[0]!.actorId).toBe(a.user.id);

    // The window query: overlapping visits only, filterable by engineer.
    const week = await call(schedule.GET, { token: a.token, path: "/api/admin/schedule?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z" });
    expect(week.status, week.text).toBe(200);
    expect(week.json.items.map((v: { id: string }) => v.id)).toEqual([id]);
    // A window that starts mid-visit still returns it; one that ends as it starts does not.
    expect((await call(schedule.GET, { token: a.token, path: "/api/admin/schedule?from=2026-11-24T10:00:00Z&to=2026-11-24T10:30:00Z" })).json.items).toHaveLength(1);
    expect((await call(schedule.GET, { token: a.token, path: "/api/admin/schedule?from=2026-11-24T06:00:00Z&to=2026-11-24T09:00:00Z" })).json.items).toHaveLength(0);
    expect((await call(schedule.GET, { token: a.token, path: `/api/admin/schedule?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z&engineerId=${a.engineer2.id}` })).json.items).toHaveLength(0);
    const bad = await call(schedule.GET, { token: a.token, path: "/api/admin/schedule?from=2026-11-23T00:00:00Z&to=2027-03-01T00:00:00Z" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.to).toMatch(/at most 62 days/);

    // The engineer portal's view: only the signed-in engineer's own visits.
    const mine = await visitsForEngineer(contextFor(a.engineer, a.company.id, "ENGINEER"), { from: new Date("2026-11-23T00:00:00Z"), to: new Date("2026-11-30T00:00:00Z") });
    expect(mine.map((v) => v.id)).toEqual([id]);
    const theirs = await visitsForEngineer(contextFor(a.engineer2, a.company.id, "ENGINEER"), { from: new Date("2026-11-23T00:00:00Z"), to: new Date("2026-11-30T00:00:00Z") });
    expect(theirs).toEqual([]);
  });

  it("moves, resizes and reassigns a visit: audited, assignment added, one email per version; delete removes it", async () => {
    const a = await setup();
    const id = (await book(a.token, { jobId: a.job.id, engineerId: a.engineer.id, ...slot })).json.id as string;

    const moved = await call(oneVisit.PATCH, { token: a.token, headers, params: { id }, body: { startsAt: "2026-11-25T13:00:00Z", endsAt: "2026-11-25T15:00:00Z" } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json).toMatchObject({ startsAt: "2026-11-25T13:00:00.000Z", endsAt: "2026-11-25T15:00:00.000Z", engineerId: a.engineer.id });
    const resized = await call(oneVisit.PATCH, { token: a.token, headers, params: { id }, body: { endsAt: "2026-11-25T16:30:00Z" } });
    expect(resized.json).toMatchObject({ startsAt: "2026-11-25T13:00:00.000Z", endsAt: "2026-11-25T16:30:00.000Z" });
    const reassigned = await call(oneVisit.PATCH, { token: a.token, headers, params: { id }, body: { engineerId: a.engineer2.id } });
    expect(reassigned.status, reassigned.text).toBe(200);
    expect(reassigned.json.engineerId).toBe(a.engineer2.id);
    // Notes alone: saved, no email.
    const noted = await call(oneVisit.PATCH, { token: a.token, headers, params: { id }, body: { notes: "Bring the long ladder" } });
    expect(noted.json.notes).toBe("Bring the long ladder");
    // The same change again is a no-op.
    expect((await call(oneVisit.PATCH, { token: a.token, headers, params: { id }, body: { engineerId: a.engineer2.id } })).status).toBe(200);

    const assignments = await db().jobAssignment.findMany({ where: { companyId: a.company.id, jobId: a.job.id }, orderBy: { createdAt: "asc" } });
    expect(assignments.map((x) => x.engineerId).sort()).toEqual([a.engineer.id, a.engineer2.id].sort());

    const emails = await db().outboxMessage.findMany({ where: { companyId: a.company.id, jobName: "email.send" }, orderBy: { createdAt: "asc" } });
    const sent = emails.map((e) => {
      const p = e.payload as { to: string[]; props: { change: string } };
      return [p.to[0], p.props.change];
    });
    expect(sent).toEqual([
      [a.engineer.email, "assigned"],
      [a.engineer.email, "moved"],
      [a.engineer.email, "moved"],
      [a.engineer2.email, "assigned"],
      [a.engineer.email, "removed"], // the engineer who lost the visit hears so
    ]);
    expect(new Set(emails.map((e) => e.idempotencyKey)).size).toBe(5);

    const events = await db().auditEvent.findMany({ where: { companyId: a.company.id, entityType: "ScheduleEntry", entityId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["schedule.visit_created", "schedule.visit_moved", "schedule.visit_moved", "schedule.visit_reassigned", "schedule.visit_updated"]);
    expect(events[3]!.before).toEqual({ engineerId: a.engineer.id });
    expect(events[3]!.after).toEqual({ engineerId: a.engineer2.id });

    const del = await call(oneVisit.DELETE, { token: a.token, headers, params: { id } });
    expect(del.status).toBe(204);
    expect(await db().scheduleEntry.count({ where: { id } })).toBe(0);
    expect((await call(oneVisit.DELETE, { token: a.token, headers, params: { id } })).status).toBe(404);
    const last = await db().auditEvent.findFirst({ where: { companyId: a.company.id, entityId: id }, orderBy: { id: "desc" } });
    expect(last!.action).toBe("schedule.visit_deleted");
  });

  it("removing an upcoming visit emails its engineer that it's off; removing one already over emails nobody", async () => {
    const a = await setup();
    const hour = 3600_000;
    const soon = Math.ceil(Date.now() / hour) * hour + 48 * hour;
    const upcoming = await book(a.token, { jobId: a.job.id, engineerId: a.engineer.id, startsAt: new Date(soon).toISOString(), endsAt: new Date(soon + 2 * hour).toISOString(), overrideReason: "test booking" });
    expect(upcoming.status, upcoming.text).toBe(201);
    const past = await book(a.token, { jobId: a.job.id, engineerId: a.engineer2.id, startsAt: new Date(soon - 96 * hour).toISOString(), endsAt: new Date(soon - 95 * hour).toISOString(), overrideReason: "test booking" });
    expect(past.status, past.text).toBe(201);
    await db().outboxMessage.deleteMany({ where: { companyId: a.company.id } });

    expect((await call(oneVisit.DELETE, { token: a.token, headers, params: { id: upcoming.json.id } })).status).toBe(204);
    expect((await call(oneVisit.DELETE, { token: a.token, headers, params: { id: past.json.id } })).status).toBe(204);
    const emails = await db().outboxMessage.findMany({ where: { companyId: a.company.id, jobName: "email.send" } });
    expect(emails).toHaveLength(1);
    const payload = emails[0]!.payload as { to: string[]; recipientUserIds: string[]; props: Record<string, unknown> };
    expect(payload.to).toEqual([a.engineer.email]);
    expect(payload.recipientUserIds).toEqual([a.engineer.id]);
    expect(payload.props).toMatchObject({ change: "removed", jobNumber: a.job.number });
    const mail = renderEmail("schedule.visit", payload.props, { companyName: "Sparkright", brandColor: "#1d4ed8" });
    expect(mail.subject).toBe(`Visit cancelled: ${a.job.number}, ${payload.props.when as string}`);
    expect(mail.text).toContain(`You're no longer booked on ${a.job.number}`);
  });

  it("a save with conflict warnings is a 409 listing them; with a reason it saves, stores and audits the override", async () => {
    const a = await setup();
    await book(a.token, { jobId: a.job.id, engineerId: a.engineer.id, ...slot });
    const job2 = await makeJob(a.company.id);
    const overlapping = { jobId: job2.id, engineerId: a.engineer.id, startsAt: "2026-11-24T10:00:00Z", endsAt: "2026-11-24T12:00:00Z" };

    const checked = await call(check.POST, { token: a.token, headers, body: overlapping });
    expect(checked.status, checked.text).toBe(200);
    expect(checked.json.errors).toEqual([]);
    expect(checked.json.warnings.map((w: { code: string }) => w.code)).toEqual(["OVERLAP"]);
    expect(checked.json.warnings[0].message).toContain(a.job.number);

    const refused = await book(a.token, overlapping);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("CONFLICT");
    expect(refused.json.warnings.map((w: { code: string }) => w.code)).toEqual(["OVERLAP"]);
    expect(await db().scheduleEntry.count({ where: { companyId: a.company.id } })).toBe(1);
    expect(await db().outboxMessage.count({ where: { companyId: a.company.id } })).toBe(1);

    const tooShort = await book(a.token, { ...overlapping, overrideReason: " " });
    expect(tooShort.status).toBe(400);
    expect(tooShort.json.error.fields.overrideReason).toBeDefined();

    const saved = await book(a.token, { ...overlapping, overrideReason: "Client asked for both trades the same morning" });
    expect(saved.status, saved.text).toBe(201);
    expect(saved.json.overrideReason).toBe("Client asked for both trades the same morning");
    const events = await db().auditEvent.findMany({ where: { companyId: a.company.id, entityId: saved.json.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["schedule.visit_created", "schedule.conflict_overridden"]);
    expect(events[1]!.metadata).toMatchObject({ reason: "Client asked for both trades the same morning", warnings: [{ code: "OVERLAP" }] });

    // Moving into leave and onto a Saturday evening: every warning at once, 409 again without a reason.
    const leave = await call(unavail.POST, { token: a.token, headers, body: { engineerId: a.engineer.id, kind: "LEAVE", startsAt: "2026-11-28T00:00:00Z", endsAt: "2026-11-29T00:00:00Z", note: "Wedding" } });
    expect(leave.status, leave.text).toBe(201);
    const move = { startsAt: "2026-11-28T17:00:00Z", endsAt: "2026-11-28T19:00:00Z" };
    const moveRefused = await call(oneVisit.PATCH, { token: a.token, headers, params: { id: saved.json.id }, body: move });
    expect(moveRefused.status).toBe(409);
    expect(moveRefused.json.warnings.map((w: { code: string }) => w.code)).toEqual(["NON_WORKING_DAY", "UNAVAILABLE"]);
    const stays = await db().scheduleEntry.findUniqueOrThrow({ where: { id: saved.json.id } });
    expect(stays.startsAt.toISOString()).toBe("2026-11-24T10:00:00.000Z");
    const moveSaved = await call(oneVisit.PATCH, { token: a.token, headers, params: { id: saved.json.id }, body: { ...move, overrideReason: "Emergency call-out, agreed with Dan" } });
    expect(moveSaved.status, moveSaved.text).toBe(200);
    expect(moveSaved.json.overrideReason).toBe("Emergency call-out, agreed with Dan");
    // Moved back into a clean slot: the override no longer applies.
    const clean = await call(oneVisit.PATCH, { token: a.token, headers, params: { id: saved.json.id }, body: { startsAt: "2026-11-26T09:00:00Z", endsAt: "2026-11-26T10:00:00Z" } });
    expect(clean.json.overrideReason).toBeNull();
  });

  it("hard errors can't be overridden: end before start, unknown or client engineer, closed or unknown job", async () => {
    const a = await setup();
    const reason = { overrideReason: "We really want this" };
    const cases: [Record<string, unknown>, string][] = [
      [{ jobId: a.job.id, engineerId: a.engineer.id, startsAt: slot.endsAt, endsAt: slot.startsAt }, "endsAt"],
      [{ jobId: a.job.id, engineerId: missing, ...slot }, "engineerId"],
      [{ jobId: a.job.id, engineerId: (await createUser({ companyId: a.company.id, role: "CLIENT" })).id, ...slot }, "engineerId"],
      [{ jobId: missing, engineerId: a.engineer.id, ...slot }, "jobId"],
    ];
    for (const status of ["CANCELLED", "COMPLETED"] as const) cases.push([{ jobId: (await makeJob(a.company.id, { status })).id, engineerId: a.engineer.id, ...slot }, "jobId"]);
    const deactivated = await createUser({ companyId: a.company.id, role: "ENGINEER" });
    await db().companyMembership.update({ where: { companyId_userId: { companyId: a.company.id, userId: deactivated.id } }, data: { status: "DEACTIVATED" } });
    cases.push([{ jobId: a.job.id, engineerId: deactivated.id, ...slot }, "engineerId"]);

    for (const [body, field] of cases) {
      for (const extra of [{}, reason]) {
        const res = await book(a.token, { ...body, ...extra });
        expect(res.status, `${JSON.stringify(body)}: ${res.text}`).toBe(422);
        expect(Object.keys(res.json.error.fields)).toContain(field);
      }
      const checked = await call(check.POST, { token: a.token, headers, body });
      expect(checked.status).toBe(200);
      expect(checked.json.errors.length).toBeGreaterThan(0);
    }
    expect(await db().scheduleEntry.count({ where: { companyId: a.company.id } })).toBe(0);
    expect(await db().jobAssignment.count({ where: { companyId: a.company.id } })).toBe(0);
    expect(await db().outboxMessage.count({ where: { companyId: a.company.id } })).toBe(0);

    // Moving an existing visit to end before it starts is refused too.
    const id = (await book(a.token, { jobId: a.job.id, engineerId: a.engineer.id, ...slot })).json.id;
    const back = await call(oneVisit.PATCH, { token: a.token, headers, params: { id }, body: { endsAt: "2026-11-24T08:00:00Z", ...reason } });
    expect(back.status).toBe(422);
    expect(back.json.error.fields.endsAt).toBe("The visit must end after it starts.");
  });

  it("unavailability CRUD: create, list in a window, read, change, delete; audited", async () => {
    const a = await setup();
    const made = await call(unavail.POST, { token: a.token, headers, body: { engineerId: a.engineer.id, kind: "SICK", startsAt: "2026-11-24T00:00:00Z", endsAt: "2026-11-25T00:00:00Z" } });
    expect(made.status, made.text).toBe(201);
    const id = made.json.id;
    const list = await call(unavail.GET, { token: a.token, path: "/api/admin/unavailability?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z" });
    expect(list.json.items.map((u: { id: string }) => u.id)).toEqual([id]);
    expect((await call(unavail.GET, { token: a.token, path: "/api/admin/unavailability?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z" })).json.items).toEqual([]);
    expect((await call(oneUnavail.GET, { token: a.token, params: { id } })).json).toMatchObject({ kind: "SICK", engineerId: a.engineer.id });
    const changed = await call(oneUnavail.PATCH, { token: a.token, headers, params: { id }, body: { kind: "LEAVE", endsAt: "2026-11-26T00:00:00Z", note: "Extended" } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json).toMatchObject({ kind: "LEAVE", endsAt: "2026-11-26T00:00:00.000Z", note: "Extended" });
    const inverted = await call(oneUnavail.PATCH, { token: a.token, headers, params: { id }, body: { endsAt: "2026-11-23T00:00:00Z" } });
    expect(inverted.status).toBe(422);
    const badKind = await call(unavail.POST, { token: a.token, headers, body: { engineerId: a.engineer.id, kind: "HOLIDAY", startsAt: "2026-11-24T00:00:00Z", endsAt: "2026-11-25T00:00:00Z" } });
    expect(badKind.status).toBe(400);
    expect(Object.keys(badKind.json.error.fields)).toEqual(["kind"]);
    const backwards = await call(unavail.POST, { token: a.token, headers, body: { engineerId: a.engineer.id, kind: "LEAVE", startsAt: "2026-11-24T00:00:00Z", endsAt: "2026-11-23T00:00:00Z" } });
    expect(backwards.status).toBe(400);
    expect(Object.keys(backwards.json.error.fields)).toEqual(["endsAt"]);
    const stranger = await call(unavail.POST, { token: a.token, headers, body: { engineerId: missing, kind: "LEAVE", startsAt: "2026-11-24T00:00:00Z", endsAt: "2026-11-25T00:00:00Z" } });
    expect(stranger.status).toBe(422);
    expect((await call(oneUnavail.DELETE, { token: a.token, headers, params: { id } })).status).toBe(204);
    expect((await call(oneUnavail.GET, { token: a.token, params: { id } })).status).toBe(404);
    const events = await db().auditEvent.findMany({ where: { companyId: a.company.id, entityType: "EngineerUnavailability", entityId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["unavailability.created", "unavailability.updated", "unavailability.deleted"]);
  });

  it("another company's visit, unavailability, job or engineer is a 404 (or the same refusal as a missing one) on every route, and untouched", async () => {
    const a = await setup();
    const b = await setup("ADMIN");
    const theirVisit = (await book(b.token, { jobId: b.job.id, engineerId: b.engineer.id, ...slot })).json.id as string;
    const theirLeave = (await call(unavail.POST, { token: b.token, headers, body: { engineerId: b.engineer.id, kind: "LEAVE", startsAt: "2026-11-20T00:00:00Z", endsAt: "2026-11-30T00:00:00Z" } })).json.id as string;

    for (const id of [theirVisit, missing]) {
      const patch = await call(oneVisit.PATCH, { token: a.token, headers, params: { id }, body: { startsAt: "2026-11-26T09:00:00Z" } });
      const del = await call(oneVisit.DELETE, { token: a.token, headers, params: { id } });
      const chk = await call(check.POST, { token: a.token, headers, body: { visitId: id, engineerId: a.engineer.id, ...slot } });
      expect([patch.status, del.status, chk.status]).toEqual([404, 404, 404]);
      expect(patch.json).toEqual({ error: { code: "NOT_FOUND", message: "Not found." } });
    }
    for (const id of [theirLeave, missing]) {
      const get = await call(oneUnavail.GET, { token: a.token, params: { id } });
      const patch = await call(oneUnavail.PATCH, { token: a.token, headers, params: { id }, body: { note: "x" } });
      const del = await call(oneUnavail.DELETE, { token: a.token, headers, params: { id } });
      expect([get.status, patch.status, del.status]).toEqual([404, 404, 404]);
      expect(get.json).toEqual({ error: { code: "NOT_FOUND", message: "Not found." } });
    }
    // Their job or their engineer in a booking: refused exactly like a missing one.
    const viaTheirJob = await book(a.token, { jobId: b.job.id, engineerId: a.engineer.id, ...slot });
    const viaMissingJob = await book(a.token, { jobId: missing, engineerId: a.engineer.id, ...slot });
    expect(viaTheirJob.status).toBe(422);
    expect(viaTheirJob.json).toEqual(viaMissingJob.json);
    const viaTheirEngineer = await book(a.token, { jobId: a.job.id, engineerId: b.engineer.id, ...slot });
    const viaMissingEngineer = await book(a.token, { jobId: a.job.id, engineerId: missing, ...slot });
    expect(viaTheirEngineer.status).toBe(422);
    expect(viaTheirEngineer.json).toEqual(viaMissingEngineer.json);
    const leaveForTheirs = await call(unavail.POST, { token: a.token, headers, body: { engineerId: b.engineer.id, kind: "LEAVE", startsAt: "2026-11-24T00:00:00Z", endsAt: "2026-11-25T00:00:00Z" } });
    expect(leaveForTheirs.status).toBe(422);
    // Their engineer's bookings and leave don't leak into our conflict warnings or lists.
    const ours = await call(check.POST, { token: a.token, headers, body: { jobId: a.job.id, engineerId: a.engineer.id, ...slot } });
    expect(ours.json).toEqual({ errors: [], warnings: [] });
    const window = "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";
    expect((await call(schedule.GET, { token: a.token, path: `/api/admin/schedule?${window}` })).json.items).toEqual([]);
    expect((await call(schedule.GET, { token: a.token, path: `/api/admin/schedule?${window}&engineerId=${b.engineer.id}` })).json.items).toEqual([]);
    expect((await call(unavail.GET, { token: a.token, path: `/api/admin/unavailability?${window}` })).json.items).toEqual([]);

    const still = await call(schedule.GET, { token: b.token, path: `/api/admin/schedule?${window}` });
    expect(still.json.items).toHaveLength(1);
    expect(still.json.items[0]).toMatchObject({ id: theirVisit, ...slot });
    expect(await db().engineerUnavailability.count({ where: { id: theirLeave } })).toBe(1);
  });

  it("office and admin plan; engineers and clients are refused every route, and nothing changes", async () => {
    const a = await setup("ADMIN");
    const id = (await book(a.token, { jobId: a.job.id, engineerId: a.engineer.id, ...slot })).json.id as string;
    const leave = (await call(unavail.POST, { token: a.token, headers, body: { engineerId: a.engineer.id, kind: "LEAVE", startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-12-02T00:00:00Z" } })).json.id as string;
    const office = await createUser({ companyId: a.company.id, role: "OFFICE" });
    const officeToken = await createSession(office.id, a.company.id);
    expect((await call(oneVisit.PATCH, { token: officeToken, headers, params: { id }, body: { notes: "Office note" } })).status).toBe(200);

    const window = "/api/admin/schedule?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z";
    for (const role of ["ENGINEER", "CLIENT"] as const) {
      const token = role === "ENGINEER" ? await createSession(a.engineer.id, a.company.id) : await createSession((await createUser({ companyId: a.company.id, role })).id, a.company.id);
      const statuses = [
        (await call(schedule.GET, { token, path: window })).status,
        (await book(token, { jobId: a.job.id, engineerId: a.engineer.id, startsAt: "2026-11-25T09:00:00Z", endsAt: "2026-11-25T10:00:00Z" })).status,
        (await call(check.POST, { token, headers, body: { jobId: a.job.id, engineerId: a.engineer.id, ...slot } })).status,
        (await call(oneVisit.PATCH, { token, headers, params: { id }, body: { startsAt: "2026-11-25T09:00:00Z" } })).status,
        (await call(oneVisit.DELETE, { token, headers, params: { id } })).status,
        (await call(unavail.GET, { token, path: "/api/admin/unavailability?from=2026-11-23T00:00:00Z&to=2026-12-30T00:00:00Z" })).status,
        (await call(unavail.POST, { token, headers, body: { engineerId: a.engineer.id, kind: "SICK", startsAt: "2026-11-24T00:00:00Z", endsAt: "2026-11-25T00:00:00Z" } })).status,
        (await call(oneUnavail.GET, { token, params: { id: leave } })).status,
        (await call(oneUnavail.PATCH, { token, headers, params: { id: leave }, body: { note: "mine now" } })).status,
        (await call(oneUnavail.DELETE, { token, headers, params: { id: leave } })).status,
      ];
      expect(statuses, role).toEqual(Array(10).fill(403));
    }
    expect((await call(schedule.GET, { path: window })).status).toBe(401);
    const after = await db().scheduleEntry.findUniqueOrThrow({ where: { id } });
    expect(after.startsAt.toISOString()).toBe(slot.startsAt);
    expect(after.notes).toBe("Office note");
    expect(await db().scheduleEntry.count({ where: { companyId: a.company.id } })).toBe(1);
    expect(await db().engineerUnavailability.count({ where: { companyId: a.company.id } })).toBe(1);
  });

  it("two overlapping bookings saved at the same moment: exactly one goes through without a reason", async () => {
    const a = await setup();
    const job2 = await makeJob(a.company.id);
    const [r1, r2] = await Promise.all([
      book(a.token, { jobId: a.job.id, engineerId: a.engineer.id, ...slot }),
      book(a.token, { jobId: job2.id, engineerId: a.engineer.id, startsAt: "2026-11-24T10:00:00Z", endsAt: "2026-11-24T12:00:00Z" }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([201, 409]);
    expect(await db().scheduleEntry.count({ where: { companyId: a.company.id } })).toBe(1);
  });
});
