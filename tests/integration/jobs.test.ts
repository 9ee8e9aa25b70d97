/**
 * Jobs, checklists and the completion gate through the services: conversion from an accepted
 * quote, the state machine, the gate with the ADMIN-only override, the checklist snapshot, and
 * engineer isolation (an engineer sees and acts on only the jobs they are assigned to).
 */
import { describe, expect, it } from "vitest";
import { attachChecklist, createTemplate, setChecklistItem, updateTemplate } from "@/modules/checklists/checklists.service.ts";
import { assertJobAccess } from "@/modules/jobs/job-access.ts";
import {
  addJobNote,
  addJobPhoto,
  assignEngineer,
  completeJob,
  createJob,
  createJobFromQuote,
  getJob,
  jobTimeline,
  listJobs,
  transitionJob,
} from "@/modules/jobs/jobs.service.ts";
import { downloadFile } from "@/modules/files/files.service.ts";
import { clientTimeline } from "@/modules/clients/client-timeline.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { AppError } from "@/server/errors/errors.ts";
import { tenantWithAdmin } from "../support/factories.ts";
import { acceptedQuote, createClientWithSite, member, SIGNATURE } from "../support/jobs-fixtures.ts";
import { signaturePng } from "../support/png.ts";

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

async function jobWithChecklist() {
  const t = await tenantWithAdmin();
  const { client, site } = await createClientWithSite(t.company.id);
  const job = await createJob(t.ctx, { clientId: client.id, siteId: site.id, title: "Consumer unit change" });
  const template = await createTemplate(t.ctx, {
    title: "Consumer unit change",
    items: [
      { label: "Isolate supply", required: true },
      { label: "Test RCDs", required: true },
      { label: "Tidy site", required: false },
    ],
  });
  const attached = await attachChecklist(t.ctx, job.id, template.id);
  return { ...t, job, template, checklistId: attached.id };
}

describe("jobs from quotes", () => {
  it("converts an accepted quote once, with budget lines from the chosen option, ticked add-ons and base lines", async () => {
    const t = await tenantWithAdmin();
    const { quoteId } = await acceptedQuote(t.ctx);
    const job = await createJobFromQuote(t.ctx, quoteId);
    expect(job.number).toBe("JOB-00001");
    expect(job.status).toBe("SCHEDULED");
    expect(job.quote?.id).toBe(quoteId);
    // Install 2 × £50 + Chrome £60 + USB £30 = £190; White and Smart are not in.
    expect(job.budgetNetPence).toBe(19000);
    expect(job.budgetLines.map((l) => [l.description, l.netPence])).toEqual([
      ["Install", 10000],
      ["Chrome sockets (Finish: Chrome)", 6000],
      ["USB-C sockets (add-on: USB)", 3000],
    ]);
    expect(job.time.labourBudgetMinutes).toBe(120);
    const again = await failure(createJobFromQuote(t.ctx, quoteId));
    expect(again.status).toBe(409);
    expect(again.message).toMatch(/already job JOB-00001/);
    expect(await t.ctx.db.job.count()).toBe(1);
    expect(await t.ctx.db.auditEvent.count({ where: { action: "job.created_from_quote", entityId: job.id } })).toBe(1);
  });

  it("refuses a quote that is not accepted, and another company's quote as not found", async () => {
    const t = await tenantWithAdmin();
    const other = await tenantWithAdmin();
    const { quoteId } = await acceptedQuote(other.ctx);
    expect((await failure(createJobFromQuote(t.ctx, quoteId))).status).toBe(404);
    const { client } = await createClientWithSite(t.company.id);
    const draft = await t.ctx.db.quote.create({ data: { companyId: t.company.id, number: "Q-9", clientId: client.id, title: "Draft", validUntil: new Date("2030-01-01") } });
    const e = await failure(createJobFromQuote(t.ctx, draft.id));
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/Only an accepted quote/);
  });

  it("numbers jobs per company without gaps", async () => {
    const a = await tenantWithAdmin();
    const b = await tenantWithAdmin();
    const ca = await createClientWithSite(a.company.id);
    const cb = await createClientWithSite(b.company.id);
    const numbers = await Promise.all([1, 2, 3].map(() => createJob(a.ctx, { clientId: ca.client.id, title: "Socket" }).then((j) => j.number)));
    expect(numbers.sort()).toEqual(["JOB-00001", "JOB-00002", "JOB-00003"]);
    expect((await createJob(b.ctx, { clientId: cb.client.id, title: "Socket" })).number).toBe("JOB-00001");
    const foreignSite = await failure(createJob(a.ctx, { clientId: ca.client.id, siteId: cb.site.id, title: "x" }));
    expect(foreignSite.status).toBe(422);
  });
});

describe("job status", () => {
  it("follows the state machine, needs reasons for hold and cancel, and audits each move", async () => {
    const t = await tenantWithAdmin();
    const { client } = await createClientWithSite(t.company.id);
    const job = await createJob(t.ctx, { clientId: client.id, title: "Fault find" });
    expect((await failure(transitionJob(t.ctx, job.id, "INVOICED"))).status).toBe(409);
    expect((await failure(transitionJob(t.ctx, job.id, "ON_HOLD", { reason: "x" }))).status).toBe(409);
    expect((await transitionJob(t.ctx, job.id, "IN_PROGRESS")).status).toBe("IN_PROGRESS");
    const noReason = await failure(transitionJob(t.ctx, job.id, "ON_HOLD"));
    expect(noReason.status).toBe(422);
    expect(noReason.details.fields?.reason).toMatch(/reason/);
    const held = await transitionJob(t.ctx, job.id, "ON_HOLD", { reason: "Waiting for parts" });
    expect(held).toMatchObject({ status: "ON_HOLD", onHoldReason: "Waiting for parts" });
    expect((await failure(transitionJob(t.ctx, job.id, "COMPLETED"))).status).toBe(422);
    expect((await transitionJob(t.ctx, job.id, "IN_PROGRESS")).onHoldReason).toBeNull();
    const cancelled = await transitionJob(t.ctx, job.id, "CANCELLED", { reason: "Client moved house" });
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelledReason: "Client moved house" });
    expect((await failure(transitionJob(t.ctx, job.id, "IN_PROGRESS"))).status).toBe(409);
    const events = await t.ctx.db.auditEvent.findMany({ where: { entityId: job.id, action: "job.status_changed" }, orderBy: { id: "asc" } });
    expect(events.map((e) => (e.after as { status: string }).status)).toEqual(["IN_PROGRESS", "ON_HOLD", "IN_PROGRESS", "CANCELLED"]);
  });
});

describe("completion gate", () => {
  it("refuses completion naming the open required items, then completes once they are ticked", async () => {
    const s = await jobWithChecklist();
    const e = await failure(completeJob(s.ctx, s.job.id, { signerName: "Robert Ainsley", signatureDataUrl: SIGNATURE }));
    expect(e.status).toBe(409);
    expect(e.message).toContain('"Isolate supply"');
    expect(e.message).toContain('"Test RCDs"');
    expect(e.message).not.toContain("Tidy site");
    const job = await getJob(s.ctx, s.job.id);
    const items = job.checklists[0]!.items;
    const tickedAt = new Date(Date.now() - 3600_000);
    await setChecklistItem(s.ctx, items[0]!.id, true, { occurredAt: tickedAt });
    await setChecklistItem(s.ctx, items[1]!.id, true);
    const ticked = (await getJob(s.ctx, s.job.id)).checklists[0]!.items[0]!;
    expect(ticked.completedAt).toBe(tickedAt.toISOString());
    expect(ticked.completedBy?.id).toBe(s.user.id);
    const done = await completeJob(s.ctx, s.job.id, { signerName: "Robert Ainsley", signatureDataUrl: SIGNATURE });
    expect(done).toMatchObject({ status: "COMPLETED", completionSignerName: "Robert Ainsley", completionOverrideReason: null });
    const sig = await s.ctx.db.storedFile.findUniqueOrThrow({ where: { id: done.completionSignatureFileId! } });
    expect(sig).toMatchObject({ entityType: "Job", entityId: s.job.id, kind: "signature", contentType: "image/png" });
    expect((await failure(setChecklistItem(s.ctx, items[2]!.id, true))).status).toBe(409);
  });

  it("lets an ADMIN override with a reason (audited) but refuses OFFICE and a missing reason", async () => {
    const s = await jobWithChecklist();
    const office = await member(s.company.id, "OFFICE");
    const refused = await failure(completeJob(office.ctx, s.job.id, { signerName: "R A", signatureDataUrl: SIGNATURE, overrideReason: "Client insisted" }));
    expect(refused.status).toBe(403);
    expect((await getJob(s.ctx, s.job.id)).status).toBe("SCHEDULED");
    const blank = await failure(completeJob(s.ctx, s.job.id, { signerName: "R A", signatureDataUrl: SIGNATURE, overrideReason: "   " }));
    expect(blank.status).toBe(409);
    const done = await completeJob(s.ctx, s.job.id, { signerName: "R A", signatureDataUrl: SIGNATURE, overrideReason: "RCD tester broken; retest booked" });
    expect(done).toMatchObject({ status: "COMPLETED", completionOverrideReason: "RCD tester broken; retest booked" });
    const override = await s.ctx.db.auditEvent.findFirstOrThrow({ where: { entityId: s.job.id, action: "job.checklist_gate_overridden" } });
    expect(override.actorId).toBe(s.user.id);
    expect(override.after).toMatchObject({ reason: "RCD tester broken; retest booked", openItems: ["Isolate supply (Consumer unit change)", "Test RCDs (Consumer unit change)"] });
    const timeline = await jobTimeline(s.ctx, s.job.id);
    expect(timeline.some((e) => e.kind === "event" && e.event.action === "job.checklist_gate_overridden")).toBe(true);
  });

  it("refuses a signature that is not a real PNG", async () => {
    const s = await jobWithChecklist();
    const fake = `data:image/png;base64,${Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(200, 7)]).toString("base64")}`;
    const e = await failure(completeJob(s.ctx, s.job.id, { signerName: "R A", signatureDataUrl: fake, overrideReason: "x" }));
    expect(e.status).toBe(422);
  });
});

describe("checklist templates", () => {
  it("keeps the job's snapshot when the template is edited later; edits make new versions", async () => {
    const s = await jobWithChecklist();
    const v2 = await updateTemplate(s.ctx, s.template.id, { title: "Consumer unit change (2026)", items: [{ label: "Photograph the old board", required: true }] });
    expect(v2.version).toBe(2);
    expect(v2.familyId).toBe(s.template.familyId);
    expect(v2.versions?.map((v) => v.version)).toEqual([2, 1]);
    expect((await failure(updateTemplate(s.ctx, s.template.id, { title: "again", items: [{ label: "x", required: true }] }))).status).toBe(409);
    const job = await getJob(s.ctx, s.job.id);
    expect(job.checklists[0]!.title).toBe("Consumer unit change");
    expect(job.checklists[0]!.templateVersion).toBe(1);
    expect(job.checklists[0]!.items.map((i) => i.label)).toEqual(["Isolate supply", "Test RCDs", "Tidy site"]);
    // The old version can no longer be attached; the new one can.
    expect((await failure(attachChecklist(s.ctx, s.job.id, s.template.id))).status).toBe(422);
    await attachChecklist(s.ctx, s.job.id, v2.id);
    expect((await getJob(s.ctx, s.job.id)).checklists.map((c) => c.templateVersion)).toEqual([1, 2]);
  });
});

describe("engineer isolation", () => {
  it("shows an engineer only their jobs; anything else is not found, for reading and acting", async () => {
    const s = await jobWithChecklist();
    const a = await member(s.company.id, "ENGINEER", "Engineer A");
    const b = await member(s.company.id, "ENGINEER", "Engineer B");
    const { client } = await createClientWithSite(s.company.id, "Second client");
    const jobB = await createJob(s.ctx, { clientId: client.id, title: "B's job" });
    await assignEngineer(s.ctx, s.job.id, a.user.id);
    // B is on their job by a visit only (no assignment row).
    await unsafeUnscopedDb().scheduleEntry.create({
      data: { companyId: s.company.id, jobId: jobB.id, engineerId: b.user.id, startsAt: new Date(Date.now() + 3600_000), endsAt: new Date(Date.now() + 7200_000) },
    });
    expect((await listJobs(a.ctx, { limit: 25 })).items.map((j) => j.id)).toEqual([s.job.id]);
    expect((await listJobs(b.ctx, { limit: 25 })).items.map((j) => j.id)).toEqual([jobB.id]);
    expect((await getJob(b.ctx, jobB.id)).title).toBe("B's job");

    const itemId = (await getJob(s.ctx, s.job.id)).checklists[0]!.items[0]!.id;
    for (const attempt of [
      () => getJob(b.ctx, s.job.id),
      () => addJobNote(b.ctx, s.job.id, "hello"),
      () => setChecklistItem(b.ctx, itemId, true),
      () => completeJob(b.ctx, s.job.id, { signerName: "x y", signatureDataUrl: SIGNATURE }),
      () => transitionJob(b.ctx, s.job.id, "IN_PROGRESS"),
      () => addJobPhoto(b.ctx, s.job.id, { content: signaturePng(), fileName: "x.png" }),
      () => assertJobAccess(b.ctx, "0190a0a0-0000-7000-8000-000000000000"),
    ]) {
      const e = await failure(attempt());
      expect(e.status).toBe(404);
      expect(e.message).toBe("Not found.");
    }
    // A acts on their own job: tick, note, photo, start.
    await setChecklistItem(a.ctx, itemId, true, { occurredAt: new Date(Date.now() - 60_000) });
    await addJobNote(a.ctx, s.job.id, "Board is a Wylex");
    const photo = await addJobPhoto(a.ctx, s.job.id, { content: signaturePng(), fileName: "board.png", caption: "Old board" });
    expect((await transitionJob(a.ctx, s.job.id, "IN_PROGRESS")).status).toBe("IN_PROGRESS");
    // Office-only moves stay office-only, even on their own job.
    expect((await failure(transitionJob(a.ctx, s.job.id, "CANCELLED", { reason: "x" }))).status).toBe(403);
    // The photo downloads for A and the office, not for B.
    expect((await downloadFile(a.ctx, photo.fileId)).status).toBe(200);
    expect((await downloadFile(s.ctx, photo.fileId)).status).toBe(200);
    expect((await failure(downloadFile(b.ctx, photo.fileId))).status).toBe(404);
    const job = await getJob(s.ctx, s.job.id);
    expect(job.checklists[0]!.items[0]!.completedBy?.name).toBe("Engineer A");
    expect(job.files.map((f) => f.caption)).toEqual(["Old board"]);
  });

  it("treats another company's job as not found for the office too", async () => {
    const s = await jobWithChecklist();
    const other = await tenantWithAdmin();
    expect((await failure(getJob(other.ctx, s.job.id))).status).toBe(404);
    expect((await failure(addJobNote(other.ctx, s.job.id, "x"))).status).toBe(404);
    const itemId = (await getJob(s.ctx, s.job.id)).checklists[0]!.items[0]!.id;
    expect((await failure(setChecklistItem(other.ctx, itemId, true))).status).toBe(404);
    expect((await failure(attachChecklist(other.ctx, s.job.id, s.template.id))).status).toBe(404);
    expect((await failure(attachChecklist(s.ctx, s.job.id, (await createTemplate(other.ctx, { title: "x", items: [{ label: "y", required: true }] })).id))).status).toBe(422);
  });
});

describe("client timeline", () => {
  it("shows the client's jobs being created and completed", async () => {
    const s = await jobWithChecklist();
    await completeJob(s.ctx, s.job.id, { signerName: "Robert Ainsley", signatureDataUrl: SIGNATURE, overrideReason: "Checked by phone" });
    const entries = await clientTimeline(s.ctx, s.job.client.id);
    const jobs = entries.filter((e) => e.kind === "item" && e.source === "jobs");
    expect(jobs.map((e) => e.kind === "item" && e.title)).toEqual(["completed job JOB-00001", "created job JOB-00001: Consumer unit change"]);
    expect(jobs[0]!.kind === "item" && jobs[0]!.body).toBe("Signed off by Robert Ainsley");
  });
});
