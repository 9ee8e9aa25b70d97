/**
 * The engineer's API and the offline sync: assigned-only reads (others' jobs and other tenants'
 * are the same 404 as a missing id), a batch of device actions applied in order through the
 * jobs/checklists/time services, exactly once however often it is sent, conflicts when the office
 * changed the job meanwhile, rejections for invalid actions, and roles without field access refused.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as jobsRoute from "../../app/api/engineer/jobs/route.ts";
import * as jobRoute from "../../app/api/engineer/jobs/[id]/route.ts";
import * as syncRoute from "../../app/api/engineer/sync/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { call } from "../support/http.ts";
import { createCompany, createSession, createUser } from "../support/factories.ts";
import { signatureDataUrl, signaturePng } from "../support/png.ts";

const headers = { origin: "http://localhost:3000" };
const db = () => unsafeUnscopedDb();

async function person(companyId: string, role: "ENGINEER" | "ADMIN" | "OFFICE" | "CLIENT" = "ENGINEER", name?: string) {
  const user = await createUser({ companyId, role, name });
  return { user, token: await createSession(user.id, companyId) };
}

let counter = 0;
/** A job for a client at a site, with a checklist (two required items, one optional), assigned by a visit today. */
async function jobFor(companyId: string, engineerId: string | null, opts: { visitDaysAhead?: number; byAssignment?: boolean } = {}) {
  counter++;
  const client = await db().client.create({ data: { companyId, name: `Mrs Patel ${counter}`, phone: "07700 900123", searchText: "" } });
  const site = await db().site.create({ data: { companyId, clientId: client.id, addressLine1: "12 Mill Lane", town: "Stockport", postcode: "SK4 1AA", accessNotes: "Key with neighbour at 14" } });
  const job = await db().job.create({ data: { companyId, number: `JOB-9${String(counter).padStart(4, "0")}`, clientId: client.id, siteId: site.id, title: `Consumer unit swap ${counter}`, scope: "Replace the board, test, certify." } });
  const checklist = await db().jobChecklist.create({ data: { companyId, jobId: job.id, title: "Board change" } });
  const items = [];
  for (const [position, label, required] of [[1, "Isolate supply", true], [2, "Test RCDs", true], [3, "Tidy up", false]] as const) {
    items.push(await db().jobChecklistItem.create({ data: { companyId, jobChecklistId: checklist.id, position, label, required } }));
  }
  if (engineerId) {
    if (opts.byAssignment) await db().jobAssignment.create({ data: { companyId, jobId: job.id, engineerId } });
    else {
      // Around now (so "today" in any zone), or the same time some days ahead.
      const start = new Date(Date.now() - 30 * 60_000 + (opts.visitDaysAhead ?? 0) * 86_400_000);
      await db().scheduleEntry.create({ data: { companyId, jobId: job.id, engineerId, startsAt: start, endsAt: new Date(start.getTime() + 2 * 3600_000) } });
    }
  }
  return { job, items, client, site };
}

function action(jobId: string, type: string, payload: Record<string, unknown> = {}, minutesAgo = 30) {
  return { clientActionId: randomUUID(), jobId, type, occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), payload };
}

const photoDataUrl = () => `data:image/png;base64,${signaturePng(64, 48).toString("base64")}`;

async function sync(token: string, actions: unknown[]) {
  const res = await call(syncRoute.POST, { token, headers, body: { actions } });
  return res;
}

/** Everything the office would see on the job, as counts and values. */
async function officeView(jobId: string) {
  const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
  const items = await db().jobChecklistItem.findMany({ where: { checklist: { jobId } }, orderBy: { position: "asc" } });
  return {
    status: job.status,
    signer: job.completionSignerName,
    signatureFile: job.completionSignatureFileId,
    done: items.filter((i) => i.completedAt).map((i) => i.label),
    notes: (await db().note.findMany({ where: { entityId: jobId } })).map((n) => n.body),
    photos: await db().jobFile.count({ where: { jobId } }),
    entries: await db().timeEntry.findMany({ where: { jobId }, orderBy: { startedAt: "asc" } }),
    completedEvents: await db().auditEvent.count({ where: { entityId: jobId, action: "job.completed" } }),
    syncRows: await db().syncAction.count({ where: { jobId } }),
  };
}

describe("engineer jobs API", () => {
  it("lists only the engineer's own jobs, split into today and upcoming, with a full job view", async () => {
    const company = await createCompany();
    const dan = await person(company.id, "ENGINEER", "Dan Engineer");
    const eve = await person(company.id, "ENGINEER", "Eve Engineer");
    const today = await jobFor(company.id, dan.user.id);
    const later = await jobFor(company.id, dan.user.id, { visitDaysAhead: 3 });
    const assigned = await jobFor(company.id, dan.user.id, { byAssignment: true });
    const evesJob = await jobFor(company.id, eve.user.id);

    const res = await call(jobsRoute.GET, { token: dan.token });
    expect(res.status, res.text).toBe(200);
    const ids = (list: { id: string }[]) => list.map((j) => j.id);
    expect(ids(res.json.today)).toEqual([today.job.id]);
    expect(ids(res.json.upcoming)).toEqual([later.job.id]);
    expect(ids(res.json.unscheduled)).toEqual([assigned.job.id]);
    expect(JSON.stringify(res.json)).not.toContain(evesJob.job.id);
    expect(res.json.today[0]).toMatchObject({ number: today.job.number, clientName: today.client.name, site: { postcode: "SK4 1AA", accessNotes: "Key with neighbour at 14" } });
    expect(res.json.today[0].visits).toHaveLength(1);

    const one = await call(jobRoute.GET, { token: dan.token, params: { id: today.job.id } });
    expect(one.status, one.text).toBe(200);
    expect(one.json).toMatchObject({
      id: today.job.id,
      scope: "Replace the board, test, certify.",
      client: { name: today.client.name, phone: "07700 900123" },
      status: "SCHEDULED",
      time: { running: null, entries: [] },
      completion: null,
    });
    expect(one.json.checklists[0].items.map((i: { label: string; required: boolean; done: boolean }) => [i.label, i.required, i.done])).toEqual([
      ["Isolate supply", true, false],
      ["Test RCDs", true, false],
      ["Tidy up", false, false],
    ]);
  });

  it("answers another engineer's job, another company's job and a missing id with the same 404", async () => {
    const company = await createCompany();
    const other = await createCompany();
    const dan = await person(company.id);
    const eve = await person(company.id);
    const evesJob = await jobFor(company.id, eve.user.id);
    const foreignEngineer = await person(other.id);
    const foreignJob = await jobFor(other.id, foreignEngineer.user.id);

    const answers = [];
    for (const id of [evesJob.job.id, foreignJob.job.id, randomUUID()]) {
      const res = await call(jobRoute.GET, { token: dan.token, params: { id } });
      answers.push([res.status, res.text]);
    }
    expect(answers[0]![0]).toBe(404);
    expect(new Set(answers.map((a) => a[1])).size).toBe(1);
    expect(new Set(answers.map((a) => a[0])).size).toBe(1);
    // Not a uuid at all: also 404.
    expect((await call(jobRoute.GET, { token: dan.token, params: { id: "JOB-00001" } })).status).toBe(404);
  });

  it("is for engineers: office, admin and client roles are refused, anonymous is 401", async () => {
    const company = await createCompany();
    const eng = await person(company.id);
    const { job } = await jobFor(company.id, eng.user.id);
    for (const role of ["ADMIN", "OFFICE", "CLIENT"] as const) {
      const p = await person(company.id, role);
      expect((await call(jobsRoute.GET, { token: p.token })).status, role).toBe(403);
      expect((await call(jobRoute.GET, { token: p.token, params: { id: job.id } })).status, role).toBe(403);
      expect((await sync(p.token, [action(job.id, "note.add", { body: "x" })])).status, role).toBe(403);
    }
    expect((await call(jobsRoute.GET, {})).status).toBe(401);
    expect((await call(syncRoute.POST, { headers, body: { actions: [action(job.id, "note.add", { body: "x" })] } })).status).toBe(401);
    expect(await db().note.count({ where: { entityId: job.id } })).toBe(0);
  });
});

describe("offline sync", () => {
  it("applies a whole visit in device order, exactly once however many times the batch is sent", async () => {
    const company = await createCompany();
    const dan = await person(company.id, "ENGINEER", "Dan Engineer");
    const { job, items } = await jobFor(company.id, dan.user.id);
    const batch = [
      action(job.id, "time.clockIn", {}, 90),
      action(job.id, "checklist.set", { itemId: items[0]!.id, done: true }, 80),
      action(job.id, "checklist.set", { itemId: items[1]!.id, done: true }, 70),
      action(job.id, "note.add", { body: "Old board had no RCD; replaced with a 10-way dual RCD board." }, 65),
      action(job.id, "photo.add", { dataUrl: photoDataUrl(), caption: "New board", fileName: "board.png" }, 60),
      action(job.id, "time.breakStart", {}, 50),
      action(job.id, "time.breakEnd", {}, 35),
      action(job.id, "time.clockOut", {}, 20),
      action(job.id, "job.complete", { signerName: "Priya Patel", signatureDataUrl: signatureDataUrl() }, 15),
    ];

    const first = await sync(dan.token, batch);
    expect(first.status, first.text).toBe(200);
    expect(first.json.results.map((r: { outcome: string; replayed: boolean }) => [r.outcome, r.replayed])).toEqual(batch.map(() => ["applied", false]));
    expect(first.json.results.map((r: { clientActionId: string }) => r.clientActionId)).toEqual(batch.map((a) => a.clientActionId));

    const after = await officeView(job.id);
    expect(after).toMatchObject({
      status: "COMPLETED",
      signer: "Priya Patel",
      done: ["Isolate supply", "Test RCDs"],
      notes: ["Old board had no RCD; replaced with a 10-way dual RCD board."],
      photos: 1,
      completedEvents: 1,
      syncRows: batch.length,
    });
    expect(after.signatureFile).toBeTruthy();
    expect(after.entries).toHaveLength(1);
    const entry = after.entries[0]!;
    // Device times are kept: clocked in 90 minutes ago, out 20 minutes ago, a 15 minute break.
    expect(Math.round((Date.now() - entry.startedAt.getTime()) / 60_000)).toBe(90);
    expect(Math.round((Date.now() - entry.endedAt!.getTime()) / 60_000)).toBe(20);
    expect(entry.breakMinutes).toBe(15);
    const completedAt = (await db().job.findUniqueOrThrow({ where: { id: job.id } })).completedAt!;
    expect(Math.abs(completedAt.getTime() - Date.parse(batch[8]!.occurredAt))).toBeLessThan(1000);

    // The device didn't get the answer and sends the same batch again; then once more, shuffled.
    const again = await sync(dan.token, batch);
    expect(again.status, again.text).toBe(200);
    expect(again.json.results.map((r: { outcome: string; replayed: boolean }) => [r.outcome, r.replayed])).toEqual(batch.map(() => ["applied", true]));
    const third = await sync(dan.token, [...batch].reverse());
    expect(third.json.results.every((r: { replayed: boolean }) => r.replayed)).toBe(true);

    const final = await officeView(job.id);
    expect({ ...final, entries: final.entries.length }).toEqual({ ...after, entries: 1 });
    expect(await db().storedFile.count({ where: { entityId: job.id } })).toBe(2); // one photo, one signature
  });

  it("sends two copies of the same batch at once: each action still lands once", async () => {
    const company = await createCompany();
    const dan = await person(company.id);
    const { job, items } = await jobFor(company.id, dan.user.id);
    const batch = [
      action(job.id, "note.add", { body: "Arrived, customer home." }),
      action(job.id, "checklist.set", { itemId: items[0]!.id, done: true }),
      action(job.id, "photo.add", { dataUrl: photoDataUrl() }),
    ];
    const [a, b] = await Promise.all([sync(dan.token, batch), sync(dan.token, batch)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const outcomes = [...a.json.results, ...b.json.results].map((r: { outcome: string }) => r.outcome);
    expect(outcomes.every((o) => o === "applied")).toBe(true);
    const view = await officeView(job.id);
    expect(view.notes).toEqual(["Arrived, customer home."]);
    expect(view.photos).toBe(1);
    expect(view.syncRows).toBe(3);
  });

  it("keeps device order: a tick then an untick leaves the item open; a note after completion is still added", async () => {
    const company = await createCompany();
    const dan = await person(company.id);
    const { job, items } = await jobFor(company.id, dan.user.id);
    const res = await sync(dan.token, [
      action(job.id, "checklist.set", { itemId: items[2]!.id, done: true }, 20),
      action(job.id, "checklist.set", { itemId: items[2]!.id, done: false }, 19),
      action(job.id, "checklist.set", { itemId: items[0]!.id, done: true }, 18),
    ]);
    expect(res.json.results.map((r: { outcome: string }) => r.outcome)).toEqual(["applied", "applied", "applied"]);
    expect((await officeView(job.id)).done).toEqual(["Isolate supply"]);
  });

  it("refuses completion with an open required item as a conflict naming it, and the rest of the batch still applies", async () => {
    const company = await createCompany();
    const dan = await person(company.id);
    const { job, items } = await jobFor(company.id, dan.user.id);
    const batch = [
      action(job.id, "checklist.set", { itemId: items[0]!.id, done: true }),
      action(job.id, "job.complete", { signerName: "Priya Patel", signatureDataUrl: signatureDataUrl() }),
      action(job.id, "note.add", { body: "Couldn't test RCDs: no access to the garage." }),
    ];
    const res = await sync(dan.token, batch);
    const [, complete, note] = res.json.results;
    expect(complete.outcome).toBe("conflict");
    expect(complete.message).toContain("Test RCDs");
    expect(note.outcome).toBe("applied");
    const view = await officeView(job.id);
    expect(view.status).toBe("SCHEDULED");
    expect(view.notes).toHaveLength(1);
    // The conflict is recorded: the same action again gets the same answer, without a new attempt.
    const again = await sync(dan.token, [batch[1]]);
    expect(again.json.results[0]).toMatchObject({ outcome: "conflict", replayed: true, message: complete.message });
    expect(await db().syncAction.count({ where: { jobId: job.id } })).toBe(3);
  });

  it("answers with a conflict when the office cancelled the job while the engineer was offline", async () => {
    const company = await createCompany();
    const dan = await person(company.id);
    const { job, items } = await jobFor(company.id, dan.user.id);
    await db().job.update({ where: { id: job.id }, data: { status: "CANCELLED", cancelledReason: "Customer postponed" } });
    const res = await sync(dan.token, [
      action(job.id, "checklist.set", { itemId: items[0]!.id, done: true }),
      action(job.id, "note.add", { body: "Done" }),
      action(job.id, "job.complete", { signerName: "Priya Patel", signatureDataUrl: signatureDataUrl() }),
    ]);
    expect(res.status).toBe(200);
    for (const r of res.json.results) {
      expect(r.outcome).toBe("conflict");
      expect(r.message).toContain(`${job.number} was cancelled by the office (Customer postponed)`);
    }
    const view = await officeView(job.id);
    expect(view).toMatchObject({ status: "CANCELLED", done: [], notes: [], photos: 0 });
    expect(await db().syncAction.count({ where: { jobId: job.id, status: "CONFLICT" } })).toBe(3);
  });

  it("never touches another engineer's or another company's job, and says the same about both", async () => {
    const company = await createCompany();
    const other = await createCompany();
    const dan = await person(company.id);
    const eve = await person(company.id);
    const evesJob = await jobFor(company.id, eve.user.id);
    const foreignEng = await person(other.id);
    const foreignJob = await jobFor(other.id, foreignEng.user.id);
    const res = await sync(dan.token, [
      action(evesJob.job.id, "note.add", { body: "sneaky" }),
      action(evesJob.job.id, "checklist.set", { itemId: evesJob.items[0]!.id, done: true }),
      action(foreignJob.job.id, "note.add", { body: "sneaky" }),
      action(foreignJob.job.id, "checklist.set", { itemId: foreignJob.items[0]!.id, done: true }),
      action(randomUUID(), "note.add", { body: "nowhere" }),
    ]);
    expect(res.status).toBe(200);
    const messages = new Set(res.json.results.map((r: { outcome: string; message: string }) => `${r.outcome}: ${r.message}`));
    expect([...messages]).toEqual([expect.stringMatching(/^conflict: This job isn't available to you/)]);
    for (const j of [evesJob, foreignJob]) {
      const view = await officeView(j.job.id);
      expect(view.notes).toEqual([]);
      expect(view.done).toEqual([]);
    }
    // An item of Eve's job sent under Dan's own job id is not found either.
    const mine = await jobFor(company.id, dan.user.id);
    const crossed = await sync(dan.token, [action(mine.job.id, "checklist.set", { itemId: evesJob.items[0]!.id, done: true })]);
    expect(crossed.json.results[0].outcome).toBe("conflict");
    expect((await officeView(evesJob.job.id)).done).toEqual([]);
  });

  it("rejects invalid actions one by one (with a reason) and applies the valid ones", async () => {
    const company = await createCompany();
    const dan = await person(company.id);
    const { job } = await jobFor(company.id, dan.user.id);
    const res = await sync(dan.token, [
      action(job.id, "note.add", { body: "   " }),
      action(job.id, "teleport", {}),
      action(job.id, "photo.add", { dataUrl: "data:text/html;base64,PGgxPg==" }),
      action(job.id, "job.complete", { signerName: "Priya", signatureDataUrl: "data:image/png;base64,AAAA" }),
      action(job.id, "note.add", { body: "Valid note" }),
    ]);
    const results = res.json.results as { outcome: string; message: string }[];
    expect(results.map((r) => r.outcome)).toEqual(["rejected", "rejected", "rejected", "rejected", "applied"]);
    expect(results[0]!.message).toBe("Write the note first");
    expect(results[1]!.message).toMatch(/isn't known/);
    expect(results[2]!.message).toBe("The photo must be an image");
    expect(results[3]!.message).toMatch(/Sign in the box/);
    expect((await officeView(job.id)).notes).toEqual(["Valid note"]);
    // The envelope itself: no actions, or an action without a device id, is a 400.
    expect((await sync(dan.token, [])).status).toBe(400);
    expect((await sync(dan.token, [{ type: "note.add", jobId: job.id }])).status).toBe(400);
  });

  it("doesn't let a client action id of another engineer reveal or replay its outcome", async () => {
    const company = await createCompany();
    const dan = await person(company.id);
    const eve = await person(company.id);
    const evesJob = await jobFor(company.id, eve.user.id);
    const a = action(evesJob.job.id, "note.add", { body: "Eve's note" });
    expect((await sync(eve.token, [a])).json.results[0].outcome).toBe("applied");
    const stolen = await sync(dan.token, [a]);
    expect(stolen.json.results[0]).toMatchObject({ outcome: "rejected", message: "This action id was already used." });
    expect((await officeView(evesJob.job.id)).notes).toEqual(["Eve's note"]);
  });
});
