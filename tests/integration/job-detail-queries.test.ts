/**
 * The job detail API reads a job with everything on it in a fixed, small number of SQL statements
 * (counted the way `npm run bench` counts them: BENCH_COUNT_QUERIES=1 wraps the driver adapter and
 * the route answers with `x-query-count`). The count must not grow with the job's visits,
 * checklists, items, files, engineers or time entries, so an N+1 fails here. The answer itself is
 * checked field by field, and the hand-written read stays inside its tenant.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Read by src/server/db/query-count.ts when the database client is first created.
  process.env.BENCH_COUNT_QUERIES = "1";
});

import * as job from "../../app/api/admin/jobs/[id]/route.ts";
import { attachChecklist, createTemplate, setChecklistItem } from "@/modules/checklists/checklists.service.ts";
import { createInvoiceFromJob } from "@/modules/invoices/invoices.service.ts";
import { findJobDetail } from "@/modules/jobs/jobs.repo.ts";
import { addJobNote, addJobPhoto, assignEngineer, createJobFromQuote, getJob, transitionJob } from "@/modules/jobs/jobs.service.ts";
import { createVisit } from "@/modules/schedule/schedule.service.ts";
import { clockIn, createTimeEntry } from "@/modules/time/time.service.ts";
import { createSession, tenantWithAdmin } from "../support/factories.ts";
import { call } from "../support/http.ts";
import { acceptedQuote, member } from "../support/jobs-fixtures.ts";
import { signaturePng } from "../support/png.ts";

/** Statements for GET /api/admin/jobs/<id>: session, access check, the detail read. */
const MAX_STATEMENTS = 3;

type World = Awaited<ReturnType<typeof world>>;
async function world() {
  const a = await tenantWithAdmin();
  const dan = await member(a.company.id, "ENGINEER", "Dan Evans");
  const sue = await member(a.company.id, "ENGINEER", "Sue Patel");
  const { quoteId } = await acceptedQuote(a.ctx);
  const j = await createJobFromQuote(a.ctx, quoteId);
  await assignEngineer(a.ctx, j.id, dan.user.id);
  const template = await createTemplate(a.ctx, { title: "Sockets", items: [{ label: "Isolate supply", required: true }, { label: "Test RCD", required: false }] });
  await attachChecklist(a.ctx, j.id, template.id);
  await createVisit(a.ctx, { jobId: j.id, engineerId: dan.user.id, startsAt: new Date("2026-11-09T08:00:00Z"), endsAt: new Date("2026-11-09T12:00:00Z") });
  await createVisit(a.ctx, { jobId: j.id, engineerId: dan.user.id, startsAt: new Date("2099-01-05T09:00:00Z"), endsAt: new Date("2099-01-05T11:30:00Z"), notes: "Second fix" });
  const itemId = (await getJob(a.ctx, j.id)).checklists[0]!.items[0]!.id;
  await setChecklistItem(dan.ctx, itemId, true);
  await addJobPhoto(dan.ctx, j.id, { content: signaturePng(), fileName: "board.png", caption: "Old board", takenAt: new Date("2026-11-09T09:15:00.250Z") });
  await addJobNote(dan.ctx, j.id, "Board is an old rewireable fuse box");
  await createTimeEntry(dan.ctx, { jobId: j.id, startedAt: new Date("2026-11-09T08:00:00Z"), endedAt: new Date("2026-11-09T12:00:00Z"), breakMinutes: 30 });
  await transitionJob(a.ctx, j.id, "IN_PROGRESS");
  const invoice = await createInvoiceFromJob(a.ctx, j.id);
  return { a, dan, sue, jobId: j.id, template, itemId, invoice, token: await createSession(a.user.id, a.company.id) };
}

let w: World;
beforeAll(async () => {
  w = await world();
});

async function detail(token = w.token, id = w.jobId) {
  const res = await call(job.GET, { path: `/api/admin/jobs/${id}`, params: { id }, token });
  return { ...res, statements: Number(res.headers.get("x-query-count")) };
}

describe("job detail: SQL statements per request", () => {
  it(`reads a job with visits, checklists, files, engineers, invoices and time in at most ${MAX_STATEMENTS} statements`, async () => {
    const res = await detail();
    expect(res.status).toBe(200);
    expect(res.headers.get("x-query-count")).not.toBeNull();
    expect(res.statements).toBeGreaterThan(0);
    expect(res.statements).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it("does not grow with the job's rows (no N+1)", async () => {
    const before = (await detail()).statements;
    await assignEngineer(w.a.ctx, w.jobId, w.sue.user.id);
    await createVisit(w.a.ctx, { jobId: w.jobId, engineerId: w.sue.user.id, startsAt: new Date("2099-01-06T09:00:00Z"), endsAt: new Date("2099-01-06T10:00:00Z") });
    await attachChecklist(w.a.ctx, w.jobId, w.template.id);
    await addJobPhoto(w.sue.ctx, w.jobId, { content: signaturePng(), fileName: "after.png" });
    await clockIn(w.sue.ctx, { jobId: w.jobId });
    const after = await detail();
    expect(after.status).toBe(200);
    expect(after.json.engineers).toHaveLength(2);
    expect(after.json.visits).toHaveLength(3);
    expect(after.json.checklists).toHaveLength(2);
    expect(after.json.files).toHaveLength(2);
    expect(after.statements).toBe(before);
  });
});

describe("job detail: the answer", () => {
  it("carries every part of the job, names resolved", async () => {
    const { json } = await detail();
    expect(json).toMatchObject({
      id: w.jobId,
      status: "IN_PROGRESS",
      client: { name: "Robert Ainsley", email: "robert@example.test", phone: null },
      site: { addressLine1: "1 High Street", town: "Leeds", postcode: "LS1 4AP", label: null, addressLine2: null, accessNotes: null },
      quote: { number: expect.any(String) },
      completedAt: null,
      completedBy: null,
      invoices: [{ id: w.invoice.id, number: null, status: "DRAFT", grossPence: w.invoice.grossPence }],
    });
    expect(json.quote.id).toBe(json.quoteId);
    expect(json.budgetLines.map((l: { position: number }) => l.position)).toEqual([...json.budgetLines.keys()]);
    expect(json.budgetLines[0]).toMatchObject({ kind: "LABOUR", description: "Install", quantityMilli: 2000, unitPricePence: 5000, discountBps: 0, vatRateBps: 2000, netPence: 10000, section: null });
    expect(json.engineers).toEqual([
      { id: w.dan.user.id, name: "Dan Evans" },
      { id: w.sue.user.id, name: "Sue Patel" },
    ]);
    expect(json.visits[0]).toEqual({ id: expect.any(String), engineer: { id: w.dan.user.id, name: "Dan Evans" }, startsAt: "2026-11-09T08:00:00.000Z", endsAt: "2026-11-09T12:00:00.000Z", notes: null });
    expect(json.visits.map((v: { startsAt: string }) => v.startsAt)).toEqual(["2026-11-09T08:00:00.000Z", "2099-01-05T09:00:00.000Z", "2099-01-06T09:00:00.000Z"]);
    expect(json.visits[1].notes).toBe("Second fix");
    expect(json.nextVisitAt).toBe("2099-01-05T09:00:00.000Z");
    const [first, second] = json.checklists;
    expect(first.items.map((i: { label: string }) => i.label)).toEqual(["Isolate supply", "Test RCD"]);
    expect(first.items[0]).toMatchObject({ id: w.itemId, required: true, completedBy: { id: w.dan.user.id, name: "Dan Evans" } });
    expect(Date.parse(first.items[0].completedAt)).not.toBeNaN();
    expect(first.items[1]).toMatchObject({ required: false, completedAt: null, completedBy: null, description: null });
    expect(first).toMatchObject({ templateId: w.template.id, templateVersion: 1 });
    expect(second.items.every((i: { completedAt: string | null }) => i.completedAt === null)).toBe(true);
    // Newest file first, with its stored name and type.
    expect(json.files.map((f: { fileName: string }) => f.fileName)).toEqual(["after.png", "board.png"]);
    expect(json.files[1]).toMatchObject({
      contentType: "image/png",
      caption: "Old board",
      takenAt: "2026-11-09T09:15:00.250Z",
      uploadedBy: { id: w.dan.user.id, name: "Dan Evans" },
      downloadUrl: `/api/admin/files/${json.files[1].fileId}/download`,
    });
    expect(json.files[0]).toMatchObject({ caption: null, takenAt: null, uploadedBy: { id: w.sue.user.id, name: "Sue Patel" } });
    // 4 h less a 30 min break, plus Sue's running clock (a minute at most so far).
    expect(json.time.minutesLogged).toBeGreaterThanOrEqual(210);
    expect(json.time.minutesLogged).toBeLessThanOrEqual(211);
    expect(json.time).toMatchObject({ labourBudgetMinutes: 120, labourBudgetNetPence: 10000 });
  });

  it("another company's job is not found, also to the hand-written read itself", async () => {
    const b = await tenantWithAdmin();
    const res = await detail(await createSession(b.user.id, b.company.id));
    expect(res.status).toBe(404);
    expect(await findJobDetail(b.ctx.db, b.company.id, w.jobId)).toBeNull();
    expect(await findJobDetail(w.a.ctx.db, w.a.company.id, w.jobId)).not.toBeNull();
  });
});
