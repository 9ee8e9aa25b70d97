/**
 * The jobs, checklist-template, time-entry and timesheet routes over HTTP: every route with an id
 * answers another company's id exactly like a missing one (404, same body); roles get what their
 * policy promises; forms get field errors.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as jobs from "../../app/api/admin/jobs/route.ts";
import * as fromQuote from "../../app/api/admin/jobs/from-quote/route.ts";
import * as job from "../../app/api/admin/jobs/[id]/route.ts";
import * as jobStatus from "../../app/api/admin/jobs/[id]/status/route.ts";
import * as jobComplete from "../../app/api/admin/jobs/[id]/complete/route.ts";
import * as jobChecklists from "../../app/api/admin/jobs/[id]/checklists/route.ts";
import * as jobChecklist from "../../app/api/admin/jobs/[id]/checklists/[checklistId]/route.ts";
import * as jobItem from "../../app/api/admin/jobs/[id]/checklist-items/[itemId]/route.ts";
import * as jobNotes from "../../app/api/admin/jobs/[id]/notes/route.ts";
import * as jobAssignments from "../../app/api/admin/jobs/[id]/assignments/route.ts";
import * as jobAssignment from "../../app/api/admin/jobs/[id]/assignments/[engineerId]/route.ts";
import * as jobPhotos from "../../app/api/admin/jobs/[id]/photos/route.ts";
import * as templates from "../../app/api/admin/checklist-templates/route.ts";
import * as template from "../../app/api/admin/checklist-templates/[id]/route.ts";
import * as templateArchive from "../../app/api/admin/checklist-templates/[id]/archive/route.ts";
import * as templateRestore from "../../app/api/admin/checklist-templates/[id]/restore/route.ts";
import * as entries from "../../app/api/admin/time-entries/route.ts";
import * as entry from "../../app/api/admin/time-entries/[id]/route.ts";
import * as sheets from "../../app/api/admin/timesheets/route.ts";
import * as sheet from "../../app/api/admin/timesheets/[id]/route.ts";
import * as sheetApprove from "../../app/api/admin/timesheets/[id]/approve/route.ts";
import * as sheetReject from "../../app/api/admin/timesheets/[id]/reject/route.ts";
import * as sheetSubmit from "../../app/api/admin/timesheets/submit/route.ts";
import { attachChecklist, createTemplate } from "@/modules/checklists/checklists.service.ts";
import { assignEngineer, createJob, getJob } from "@/modules/jobs/jobs.service.ts";
import { createTimeEntry } from "@/modules/time/time.service.ts";
import { submitTimesheet } from "@/modules/time/timesheets.service.ts";
import type { RouteHandler } from "@/server/http/route.ts";
import { createSession, tenantWithAdmin } from "../support/factories.ts";
import { call } from "../support/http.ts";
import { acceptedQuote, createClientWithSite, member, SIGNATURE } from "../support/jobs-fixtures.ts";
import { signaturePng } from "../support/png.ts";

const ORIGIN = { origin: "http://localhost:3000" };
const MISSING = "0190a0a0-0000-7000-8000-000000000000";

type World = Awaited<ReturnType<typeof world>>;
async function world() {
  const a = await tenantWithAdmin();
  const eng = await member(a.company.id, "ENGINEER", "Dan Evans");
  const { client, site } = await createClientWithSite(a.company.id);
  const j = await createJob(a.ctx, { clientId: client.id, siteId: site.id, title: "Consumer unit change" });
  const t = await createTemplate(a.ctx, { title: "CU change", items: [{ label: "Isolate supply", required: true }] });
  const c = await attachChecklist(a.ctx, j.id, t.id);
  await assignEngineer(a.ctx, j.id, eng.user.id);
  const itemId = (await getJob(a.ctx, j.id)).checklists[0]!.items[0]!.id;
  const e = await createTimeEntry(eng.ctx, { jobId: j.id, startedAt: new Date("2026-11-09T08:00:00Z"), endedAt: new Date("2026-11-09T12:00:00Z"), breakMinutes: 0 });
  const s = await submitTimesheet(eng.ctx, { weekStart: "2026-11-09" });
  const { quoteId } = await acceptedQuote(a.ctx);
  return { a, eng, client, job: j, template: t, checklistId: c.id, itemId, entry: e, sheet: s, quoteId, token: await createSession(a.user.id, a.company.id) };
}

let w: World;
let otherToken: string;
beforeAll(async () => {
  w = await world();
  const b = await tenantWithAdmin();
  otherToken = await createSession(b.user.id, b.company.id);
}, 60_000);

type Case = { name: string; handler: RouteHandler; params: (w: World, missing?: boolean) => Record<string, string>; body?: unknown; multipart?: boolean };
const id = (v: string, missing?: boolean) => (missing ? MISSING : v);

const CASES: Case[] = [
  { name: "GET job", handler: job.GET, params: (w, m) => ({ id: id(w.job.id, m) }) },
  { name: "PATCH job", handler: job.PATCH, params: (w, m) => ({ id: id(w.job.id, m) }), body: { title: "New title" } },
  { name: "POST status", handler: jobStatus.POST, params: (w, m) => ({ id: id(w.job.id, m) }), body: { to: "IN_PROGRESS" } },
  { name: "POST complete", handler: jobComplete.POST, params: (w, m) => ({ id: id(w.job.id, m) }), body: { signerName: "R A", signatureDataUrl: SIGNATURE, overrideReason: "x" } },
  { name: "POST checklist", handler: jobChecklists.POST, params: (w, m) => ({ id: id(w.job.id, m) }), body: { templateId: MISSING } },
  { name: "DELETE checklist", handler: jobChecklist.DELETE, params: (w, m) => ({ id: id(w.job.id, m), checklistId: id(w.checklistId, m) }) },
  { name: "PATCH item", handler: jobItem.PATCH, params: (w, m) => ({ id: id(w.job.id, m), itemId: id(w.itemId, m) }), body: { done: true } },
  { name: "GET notes", handler: jobNotes.GET, params: (w, m) => ({ id: id(w.job.id, m) }) },
  { name: "POST note", handler: jobNotes.POST, params: (w, m) => ({ id: id(w.job.id, m) }), body: { body: "hello" } },
  { name: "POST assignment", handler: jobAssignments.POST, params: (w, m) => ({ id: id(w.job.id, m) }), body: { engineerId: MISSING } },
  { name: "DELETE assignment", handler: jobAssignment.DELETE, params: (w, m) => ({ id: id(w.job.id, m), engineerId: id(w.eng.user.id, m) }) },
  { name: "POST photo", handler: jobPhotos.POST, params: (w, m) => ({ id: id(w.job.id, m) }), multipart: true },
  { name: "POST from-quote", handler: fromQuote.POST, params: () => ({}), body: undefined },
  { name: "GET template", handler: template.GET, params: (w, m) => ({ id: id(w.template.id, m) }) },
  { name: "PATCH template", handler: template.PATCH, params: (w, m) => ({ id: id(w.template.id, m) }), body: { title: "x", items: [{ label: "y", required: true }] } },
  { name: "POST template archive", handler: templateArchive.POST, params: (w, m) => ({ id: id(w.template.id, m) }) },
  { name: "POST template restore", handler: templateRestore.POST, params: (w, m) => ({ id: id(w.template.id, m) }) },
  { name: "GET time entry", handler: entry.GET, params: (w, m) => ({ id: id(w.entry.id, m) }) },
  { name: "PATCH time entry", handler: entry.PATCH, params: (w, m) => ({ id: id(w.entry.id, m) }), body: { notes: "x" } },
  { name: "DELETE time entry", handler: entry.DELETE, params: (w, m) => ({ id: id(w.entry.id, m) }) },
  { name: "GET timesheet", handler: sheet.GET, params: (w, m) => ({ id: id(w.sheet.id!, m) }) },
  { name: "POST approve", handler: sheetApprove.POST, params: (w, m) => ({ id: id(w.sheet.id!, m) }) },
  { name: "POST reject", handler: sheetReject.POST, params: (w, m) => ({ id: id(w.sheet.id!, m) }), body: { reason: "x" } },
];

async function send(c: Case, token: string, missing: boolean) {
  const params = c.params(w, missing);
  if (c.multipart) {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(signaturePng())], "photo.png", { type: "image/png" }));
    const { NextRequest } = await import("next/server");
    const req = new NextRequest(new URL(`http://localhost:3000/api/admin/jobs/${params.id}/photos`), { method: "POST", body: form, headers: { ...ORIGIN, cookie: `qt_session=${token}` } });
    const res = await c.handler(req, { params: Promise.resolve(params) });
    return { status: res.status, text: await res.text() };
  }
  const body = c.name === "POST from-quote" ? { quoteId: missing ? MISSING : w.quoteId } : c.body;
  return call(c.handler, { token, params, body, headers: ORIGIN });
}

describe("cross-tenant: another company's ids are answered like missing ones", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const foreign = await send(c, otherToken, false);
    const missing = await send(c, otherToken, true);
    expect(foreign.status, foreign.text).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.text).toBe(missing.text);
  });

  it("lists show nothing of the other company", async () => {
    const list = await call(jobs.GET, { token: otherToken, path: "/api/admin/jobs" });
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([]);
    const byClient = await call(jobs.GET, { token: otherToken, path: `/api/admin/jobs?clientId=${w.client.id}` });
    expect(byClient.json.items).toEqual([]);
    expect((await call(templates.GET, { token: otherToken, path: "/api/admin/checklist-templates" })).json.items).toEqual([]);
    expect((await call(entries.GET, { token: otherToken, path: `/api/admin/time-entries?jobId=${w.job.id}` })).status).toBe(404);
    expect((await call(entries.GET, { token: otherToken, path: `/api/admin/time-entries?engineerId=${w.eng.user.id}` })).json.items).toEqual([]);
    const week = await call(sheets.GET, { token: otherToken, path: "/api/admin/timesheets?weekStart=2026-11-09" });
    expect(week.json.items.map((i: { engineer: { id: string } }) => i.engineer.id)).not.toContain(w.eng.user.id);
    const create = await call(jobs.POST, { token: otherToken, headers: ORIGIN, body: { clientId: w.client.id, title: "Steal" } });
    expect(create.status).toBe(422);
    expect(create.json.error.fields.clientId).toBe("Choose a client");
    const submit = await call(sheetSubmit.POST, { token: otherToken, headers: ORIGIN, body: { engineerId: w.eng.user.id, weekStart: "2026-11-16" } });
    expect(submit.status).toBe(404);
    const entryFor = await call(entries.POST, { token: otherToken, headers: ORIGIN, body: { engineerId: w.eng.user.id, startedAt: "2026-11-16T08:00:00Z", endedAt: "2026-11-16T09:00:00Z" } });
    expect(entryFor.status).toBe(422);
  });
});

describe("roles and forms", () => {
  it("keeps engineers out of the office API and lets OFFICE work jobs", async () => {
    const engToken = await createSession(w.eng.user.id, w.a.company.id);
    expect((await call(job.GET, { token: engToken, params: { id: w.job.id } })).status).toBe(403);
    expect((await call(jobs.GET, { token: engToken })).status).toBe(403);
    expect((await call(sheetApprove.POST, { token: engToken, params: { id: w.sheet.id! }, headers: ORIGIN })).status).toBe(403);
    const office = await member(w.a.company.id, "OFFICE");
    const officeToken = await createSession(office.user.id, w.a.company.id);
    const note = await call(jobNotes.POST, { token: officeToken, params: { id: w.job.id }, headers: ORIGIN, body: { body: "Parking at the rear" } });
    expect(note.status).toBe(201);
    expect(note.json.author.id).toBe(office.user.id);
    const override = await call(jobComplete.POST, { token: officeToken, params: { id: w.job.id }, headers: ORIGIN, body: { signerName: "R A", signatureDataUrl: SIGNATURE, overrideReason: "Client insisted" } });
    expect(override.status).toBe(403);
    expect(override.json.error.message).toMatch(/Only an admin/);
  });

  it("creates jobs, converts the quote once, and answers bad input with field errors", async () => {
    const bad = await call(jobs.POST, { token: w.token, headers: ORIGIN, body: { title: "" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["clientId", "title"]);
    const made = await call(jobs.POST, { token: w.token, headers: ORIGIN, body: { clientId: w.client.id, title: "Fault find", estimatedMinutes: 90 } });
    expect(made.status).toBe(201);
    expect(made.json.number).toMatch(/^JOB-\d{5}$/);
    const conv = await call(fromQuote.POST, { token: w.token, headers: ORIGIN, body: { quoteId: w.quoteId } });
    expect(conv.status).toBe(201);
    expect(conv.json.budgetNetPence).toBe(19000);
    expect((await call(fromQuote.POST, { token: w.token, headers: ORIGIN, body: { quoteId: w.quoteId } })).status).toBe(409);
    const filtered = await call(jobs.GET, { token: w.token, path: "/api/admin/jobs?q=fault" });
    expect(filtered.json.items.map((j: { title: string }) => j.title)).toEqual(["Fault find"]);
    const page = await call(jobs.GET, { token: w.token, path: "/api/admin/jobs?limit=1" });
    expect(page.json.items).toHaveLength(1);
    const next = await call(jobs.GET, { token: w.token, path: `/api/admin/jobs?limit=1&cursor=${page.json.nextCursor}` });
    expect(next.json.items[0].id).not.toBe(page.json.items[0].id);
    const gate = await call(jobComplete.POST, { token: w.token, params: { id: w.job.id }, headers: ORIGIN, body: { signerName: "R A", signatureDataUrl: SIGNATURE } });
    expect(gate.status).toBe(409);
    expect(gate.json.error.message).toContain('"Isolate supply" (CU change)');
  });
});
