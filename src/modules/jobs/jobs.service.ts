/**
 * Jobs use cases. Every function takes the context first and checks access itself through
 * assertJobAccess (office: jobs.view / jobs.manage; engineer: only jobs assigned to them, anything
 * else NOT_FOUND). Every change is one transaction with its audit event on the job (entityType
 * "Job"), so the job's timeline is one query. Functions that engineers call from the offline
 * portal accept `occurredAt`, the device time of the action, recorded beside the server time.
 */
import type { Note } from "@/generated/prisma/client.ts";
import { findUserNames } from "@/modules/audit/audit.repo.ts";
import { listAuditEvents } from "@/modules/audit/audit.service.ts";
import type { AuditEventView } from "@/modules/audit/audit.schema.ts";
import { storeUpload } from "@/modules/files/files.service.ts";
import { nextCounterValue } from "@/modules/numbering/counter.repo.ts";
import { formatDocumentNumber } from "@/modules/numbering/numbering.ts";
import { computeTotals, type Choice } from "@/modules/pricing/pricing.ts";
import { snapshotPriceLines, type QuoteSnapshot } from "@/modules/quotes/quote-view.ts";
import { audit } from "@/server/audit/audit.ts";
import { assertCan, can, type TenantContext } from "@/server/context.ts";
import { conflict, forbidden, notFound, validationFailed } from "@/server/errors/errors.ts";
import { pageOf, type PageQuery } from "@/server/http/pagination.ts";
import { isValidPng } from "@/server/storage/png.ts";
import { newStorageKey, writeStoredFile } from "@/server/storage/storage.ts";
import { workedMinutes } from "@/modules/time/time-week.ts";
import { assertJobAccess, assertUuid, isAssignedOnly, jobsVisibleTo } from "./job-access.ts";
import {
  FINAL_STATUSES,
  completionRefusal,
  openItemsMessage,
  openRequiredItems,
  transitionRefusal,
  type JobStatus,
} from "./job-status.ts";
import {
  JOB_ENTITY,
  deleteAssignment,
  findJobDetail,
  findJobNotes,
  findJobs,
  findMembership,
  insertAssignment,
  insertBudgetLines,
  insertJob,
  insertJobFile,
  insertJobNote,
  lockJob,
  updateJobRow,
  type JobDetailRow,
  type JobListRow,
} from "./jobs.repo.ts";
import type { CreateJobInput, JobListItem, JobNoteView, JobView, ListJobsQuery, UpdateJobInput } from "./jobs.schema.ts";

export { JOB_ENTITY };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Device time of an offline action, for the audit trail (the server time is the event's own). */
const occurred = (occurredAt?: Date | null) => (occurredAt ? { occurredAt: occurredAt.toISOString() } : {});

function listItem(j: JobListRow): JobListItem {
  return {
    id: j.id,
    number: j.number,
    title: j.title,
    status: j.status,
    client: j.client,
    site: j.site,
    quoteId: j.quoteId,
    budgetNetPence: j.budgetNetPence,
    nextVisitAt: iso(j.visits[0]?.startsAt),
    createdAt: j.createdAt.toISOString(),
  };
}

function jobView(j: JobDetailRow): JobView {
  const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? "Former user" } : null);
  const labour = j.budgetLines.filter((l) => l.kind === "LABOUR");
  const now = new Date();
  return {
    id: j.id,
    number: j.number,
    title: j.title,
    status: j.status,
    scope: j.scope,
    estimatedMinutes: j.estimatedMinutes,
    client: j.client,
    site: j.site
      ? { id: j.site.id, label: j.site.label, addressLine1: j.site.addressLine1, addressLine2: j.site.addressLine2, town: j.site.town, postcode: j.site.postcode, accessNotes: j.site.accessNotes }
      : null,
    quoteId: j.quoteId,
    quote: j.quote,
    budgetNetPence: j.budgetNetPence,
    nextVisitAt: iso(j.visits.find((v) => v.endsAt >= now)?.startsAt),
    onHoldReason: j.onHoldReason,
    cancelledReason: j.cancelledReason,
    completedAt: iso(j.completedAt),
    completedBy: person(j.completedById, j.completedByName),
    completionSignerName: j.completionSignerName,
    completionSignatureFileId: j.completionSignatureFileId,
    completionOverrideReason: j.completionOverrideReason,
    createdAt: j.createdAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
    budgetLines: j.budgetLines.map((l) => ({
      id: l.id,
      position: l.position,
      section: l.section,
      kind: l.kind,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPricePence: l.unitPricePence,
      discountBps: l.discountBps,
      vatRateBps: l.vatRateBps,
      netPence: l.netPence,
    })),
    engineers: j.engineers,
    visits: j.visits.map((v) => ({ id: v.id, engineer: { id: v.engineerId, name: v.engineerName }, startsAt: v.startsAt.toISOString(), endsAt: v.endsAt.toISOString(), notes: v.notes })),
    checklists: j.checklists.map((c) => ({
      id: c.id,
      title: c.title,
      templateId: c.templateId,
      templateVersion: c.templateVersion,
      items: c.items.map((i) => ({
        id: i.id,
        position: i.position,
        label: i.label,
        description: i.description,
        required: i.required,
        completedAt: iso(i.completedAt),
        completedBy: person(i.completedById, i.completedByName),
      })),
    })),
    files: j.files.map((f) => ({
      id: f.id,
      fileId: f.fileId,
      fileName: f.fileName ?? "file",
      contentType: f.contentType ?? "application/octet-stream",
      caption: f.caption,
      takenAt: iso(f.takenAt),
      uploadedBy: person(f.uploadedById, f.uploadedByName),
      createdAt: f.createdAt.toISOString(),
      downloadUrl: `/api/admin/files/${f.fileId}/download`,
    })),
    invoices: j.invoices.map((i) => ({ id: i.id, number: i.number, status: i.status, grossPence: i.grossPence })),
    time: {
      minutesLogged: j.timeEntries.reduce((sum, e) => sum + workedMinutes(e, now), 0),
      labourBudgetMinutes: labour.length ? Math.round(labour.reduce((s, l) => s + l.quantityMilli, 0) * 60 / 1000) : null,
      labourBudgetNetPence: labour.reduce((s, l) => s + l.netPence, 0),
    },
  };
}

// ---- reads ----

export async function listJobs(ctx: TenantContext, q: ListJobsQuery) {
  const page = pageOf(await findJobs(ctx.db, q, jobsVisibleTo(ctx)), q.limit);
  return { items: page.items.map(listItem), nextCursor: page.nextCursor };
}

export async function getJob(ctx: TenantContext, id: string): Promise<JobView> {
  await assertJobAccess(ctx, id, "view");
  return jobView((await findJobDetail(ctx.db, ctx.companyId, id))!);
}

// ---- create ----

async function nextJobNumber(tx: Parameters<Parameters<TenantContext["db"]["$transaction"]>[0]>[0], ctx: TenantContext) {
  const company = await tx.company.findFirstOrThrow({ select: { jobPrefix: true } });
  return formatDocumentNumber(company.jobPrefix, await nextCounterValue(tx, ctx.companyId, "job"));
}

export async function createJob(ctx: TenantContext, input: CreateJobInput): Promise<JobView> {
  assertCan(ctx, "jobs.manage");
  const id = await ctx.db.$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id: input.clientId } });
    if (!client) throw validationFailed("Choose a client.", { clientId: "Choose a client" });
    if (client.archivedAt) throw validationFailed("That client is archived.", { clientId: "That client is archived" });
    if (input.siteId) {
      const site = await tx.site.findFirst({ where: { id: input.siteId, clientId: client.id } });
      if (!site) throw validationFailed("Choose one of the client's sites.", { siteId: "Choose one of the client's sites" });
    }
    const number = await nextJobNumber(tx, ctx);
    const data = {
      companyId: ctx.companyId,
      number,
      clientId: client.id,
      siteId: input.siteId ?? null,
      title: input.title,
      scope: input.scope ?? null,
      estimatedMinutes: input.estimatedMinutes ?? null,
      createdById: ctx.user.id,
    };
    const job = await insertJob(tx, data);
    await audit(tx, ctx, { entityType: JOB_ENTITY, entityId: job.id, action: "job.created", after: { number, title: data.title, clientId: data.clientId, siteId: data.siteId } });
    return job.id;
  });
  return getJob(ctx, id);
}

/**
 * Converts an accepted quote to a job: the budget lines are the accepted version's snapshot lines
 * the client's agreement included (base lines, the chosen option of each group, the ticked
 * add-ons), priced by the one money function. One job per quote (also a unique index).
 */
export async function createJobFromQuote(ctx: TenantContext, quoteId: string): Promise<JobView> {
  assertCan(ctx, "jobs.manage");
  assertUuid(quoteId);
  const id = await ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Quote" WHERE "companyId" = ${ctx.companyId}::uuid AND "id" = ${quoteId}::uuid FOR UPDATE`;
    const quote = await tx.quote.findUnique({ where: { id: quoteId }, include: { agreement: { include: { quoteVersion: true } }, jobs: { select: { number: true } } } });
    if (!quote) throw notFound();
    if (quote.jobs[0]) throw conflict(`This quote is already job ${quote.jobs[0].number}.`);
    if (quote.status !== "ACCEPTED" || !quote.agreement) throw conflict("Only an accepted quote can become a job.");
    const snapshot = quote.agreement.quoteVersion.snapshot as unknown as QuoteSnapshot;
    const choice = quote.agreement.choice as unknown as Choice;
    const totals = computeTotals(snapshotPriceLines(snapshot.lines), choice);
    const byId = new Map(totals.lines.map((t) => [t.id, t]));
    const included = snapshot.lines.filter((l) => byId.get(l.id)?.included);
    const number = await nextJobNumber(tx, ctx);
    const job = await insertJob(tx, {
      companyId: ctx.companyId,
      number,
      clientId: quote.clientId,
      siteId: quote.siteId,
      quoteId: quote.id,
      title: quote.title,
      scope: quote.introduction,
      budgetNetPence: totals.netPence,
      createdById: ctx.user.id,
    });
    await insertBudgetLines(
      tx,
      included.map((l, position) => ({
        companyId: ctx.companyId,
        jobId: job.id,
        position,
        section: l.section,
        kind: l.kind,
        description: l.placement === "OPTION" ? `${l.description} (${l.groupName}: ${l.optionName})` : l.placement === "ADDON" ? `${l.description} (add-on: ${l.addonName})` : l.description,
        quantityMilli: l.quantityMilli,
        unitPricePence: l.sellUnitPence,
        discountBps: l.discountBps,
        vatRateBps: l.vatRateBps,
        netPence: byId.get(l.id)!.netPence,
      })),
    );
    const after = { number, quoteNumber: quote.number, version: snapshot.version, budgetNetPence: totals.netPence, lines: included.length };
    await audit(tx, ctx, { entityType: JOB_ENTITY, entityId: job.id, action: "job.created_from_quote", after, metadata: { quoteId: quote.id } });
    await audit(tx, ctx, { entityType: "Quote", entityId: quote.id, action: "quote.converted_to_job", after: { jobId: job.id, jobNumber: number } });
    return job.id;
  });
  return getJob(ctx, id);
}

export async function updateJob(ctx: TenantContext, id: string, input: UpdateJobInput): Promise<JobView> {
  const current = await assertJobAccess(ctx, id, "manage");
  await ctx.db.$transaction(async (tx) => {
    if (input.siteId) {
      const site = await tx.site.findFirst({ where: { id: input.siteId, clientId: current.clientId } });
      if (!site) throw validationFailed("Choose one of the client's sites.", { siteId: "Choose one of the client's sites" });
    }
    const changes = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && JSON.stringify((current as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v ?? null)),
    );
    if (!Object.keys(changes).length) return;
    await updateJobRow(tx, id, changes);
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (current as Record<string, unknown>)[k] ?? null]));
    await audit(tx, ctx, { entityType: JOB_ENTITY, entityId: id, action: "job.updated", before, after: changes });
  });
  return getJob(ctx, id);
}

// ---- status ----

/**
 * Moves a job along the state machine (job-status.ts), audited. Engineers may start, pause and
 * resume their own jobs; cancelling and invoicing are office moves. Completion has its own
 * function (completeJob) because of the checklist gate and the signature.
 */
export async function transitionJob(ctx: TenantContext, jobId: string, to: JobStatus, opts: { reason?: string | null; occurredAt?: Date | null } = {}): Promise<JobView> {
  const fieldMove = to === "IN_PROGRESS" || to === "ON_HOLD";
  await assertJobAccess(ctx, jobId, fieldMove ? "act" : "manage");
  if (to === "COMPLETED") throw validationFailed("Complete the job with the completion form: it checks the checklists and takes the signature.", { to: "Use Complete job" });
  await ctx.db.$transaction(async (tx) => {
    await lockJob(tx, ctx.companyId, jobId);
    const job = (await tx.job.findUnique({ where: { id: jobId } }))!;
    const reason = opts.reason?.trim() || null;
    const refusal = transitionRefusal(job.status, to, reason);
    if (refusal) {
      // Only the reason missing: a form error on that field; otherwise the machine forbids the move.
      const reasonOnly = transitionRefusal(job.status, to, "reason") === null;
      throw reasonOnly ? validationFailed(refusal, { reason: refusal }) : conflict(refusal);
    }
    await updateJobRow(tx, jobId, {
      status: to,
      ...(to === "ON_HOLD" ? { onHoldReason: reason } : {}),
      ...(to === "IN_PROGRESS" ? { onHoldReason: null } : {}),
      ...(to === "CANCELLED" ? { cancelledReason: reason } : {}),
    });
    await audit(tx, ctx, {
      entityType: JOB_ENTITY,
      entityId: jobId,
      action: "job.status_changed",
      before: { status: job.status },
      after: { status: to, ...(reason ? { reason } : {}) },
      metadata: occurred(opts.occurredAt),
    });
  });
  return getJob(ctx, jobId);
}

/**
 * Completes the job with the client's signature and name. Refused while any required checklist
 * item is open, with a message naming them; an ADMIN may override with a reason (audited as its
 * own event). OFFICE and engineers can't override.
 */
export async function completeJob(
  ctx: TenantContext,
  jobId: string,
  input: { signerName: string; signatureDataUrl: string; overrideReason?: string | null; occurredAt?: Date | null },
): Promise<JobView> {
  await assertJobAccess(ctx, jobId, "act");
  const signerName = input.signerName.trim();
  if (!signerName) throw validationFailed("Enter the name of the person signing.", { signerName: "Enter the name of the person signing" });
  const png = Buffer.from(input.signatureDataUrl.slice(input.signatureDataUrl.indexOf(",") + 1), "base64");
  if (png.length < 100 || !isValidPng(png)) throw validationFailed("Sign in the box.", { signatureDataUrl: "Sign in the box" });
  const overrideReason = input.overrideReason?.trim() || null;

  await ctx.db.$transaction(async (tx) => {
    await lockJob(tx, ctx.companyId, jobId);
    const job = (await tx.job.findUnique({ where: { id: jobId }, include: { checklists: { include: { items: { orderBy: { position: "asc" } } }, orderBy: { createdAt: "asc" } } } }))!;
    const refusal = completionRefusal(job.status);
    if (refusal) throw conflict(refusal);
    const open = openRequiredItems(job.checklists);
    if (open.length) {
      if (!overrideReason) throw conflict(openItemsMessage(open));
      if (ctx.role !== "ADMIN") throw forbidden(`Only an admin can complete a job with open required checklist items. ${openItemsMessage(open)}`);
    }
    const storageKey = newStorageKey(ctx.companyId, ".png");
    const stored = await writeStoredFile(storageKey, png);
    const signature = await tx.storedFile.create({
      data: { companyId: ctx.companyId, storageKey, fileName: "signature.png", contentType: "image/png", size: stored.size, sha256: stored.sha256, kind: "signature", entityType: JOB_ENTITY, entityId: jobId, createdById: ctx.user.id },
    });
    const completedAt = input.occurredAt ?? new Date();
    await updateJobRow(tx, jobId, {
      status: "COMPLETED",
      onHoldReason: null,
      completedAt,
      completedById: ctx.user.id,
      completionSignerName: signerName,
      completionSignatureFileId: signature.id,
      completionOverrideReason: open.length ? overrideReason : null,
    });
    if (open.length) {
      await audit(tx, ctx, {
        entityType: JOB_ENTITY,
        entityId: jobId,
        action: "job.checklist_gate_overridden",
        after: { reason: overrideReason, openItems: open.map((o) => `${o.label} (${o.checklist})`) },
      });
    }
    await audit(tx, ctx, {
      entityType: JOB_ENTITY,
      entityId: jobId,
      action: "job.completed",
      before: { status: job.status },
      after: { status: "COMPLETED", signerName, completedAt, ...(open.length ? { overrideReason } : {}) },
      metadata: { signatureFileId: signature.id, ...occurred(input.occurredAt) },
    });
  });
  return getJob(ctx, jobId);
}

// ---- engineers on the job ----

export async function assignEngineer(ctx: TenantContext, jobId: string, engineerId: string): Promise<JobView> {
  await assertJobAccess(ctx, jobId, "manage");
  assertUuid(engineerId);
  await ctx.db.$transaction(async (tx) => {
    const member = await findMembership(tx, engineerId);
    if (!member || member.role === "CLIENT") throw validationFailed("Choose an engineer of this company.", { engineerId: "Choose an engineer of this company" });
    const existing = await tx.jobAssignment.findFirst({ where: { jobId, engineerId } });
    if (existing) return;
    await insertAssignment(tx, ctx.companyId, jobId, engineerId);
    await audit(tx, ctx, { entityType: JOB_ENTITY, entityId: jobId, action: "job.engineer_assigned", after: { engineerId, name: member.user.name } });
  });
  return getJob(ctx, jobId);
}

export async function unassignEngineer(ctx: TenantContext, jobId: string, engineerId: string): Promise<JobView> {
  await assertJobAccess(ctx, jobId, "manage");
  assertUuid(engineerId);
  await ctx.db.$transaction(async (tx) => {
    const removed = await deleteAssignment(tx, jobId, engineerId);
    if (!removed.count) throw notFound();
    const member = await findMembership(tx, engineerId);
    await audit(tx, ctx, { entityType: JOB_ENTITY, entityId: jobId, action: "job.engineer_unassigned", before: { engineerId, name: member?.user.name ?? null } });
  });
  return getJob(ctx, jobId);
}

/** People who can be put on a job: the company's active engineers (and office staff who work on site). */
export async function assignableEngineers(ctx: TenantContext) {
  assertCan(ctx, "jobs.manage");
  const rows = await ctx.db.companyMembership.findMany({
    where: { status: "ACTIVE", role: { in: ["ENGINEER", "ADMIN", "OFFICE"] } },
    include: { user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows
    .map((m) => ({ id: m.userId, name: m.user.name, role: m.role }))
    .sort((a, b) => (a.role === "ENGINEER" ? 0 : 1) - (b.role === "ENGINEER" ? 0 : 1) || a.name.localeCompare(b.name));
}

// ---- notes ----

async function noteViews(notes: Note[]): Promise<JobNoteView[]> {
  const names = await findUserNames([...new Set(notes.map((n) => n.authorId).filter((x): x is string => !!x))]);
  return notes.map((n) => ({ id: n.id, body: n.body, author: n.authorId ? { id: n.authorId, name: names.get(n.authorId) ?? "Former user" } : null, createdAt: n.createdAt.toISOString() }));
}

export async function listJobNotes(ctx: TenantContext, jobId: string, q: PageQuery) {
  await assertJobAccess(ctx, jobId, "view");
  const page = pageOf(await findJobNotes(ctx.db, jobId, q), q.limit);
  return { items: await noteViews(page.items), nextCursor: page.nextCursor };
}

export async function addJobNote(ctx: TenantContext, jobId: string, body: string, opts: { occurredAt?: Date | null } = {}): Promise<JobNoteView> {
  await assertJobAccess(ctx, jobId, "act");
  const text = body.trim();
  if (!text) throw validationFailed("Write the note.", { body: "Write the note" });
  if (text.length > 5000) throw validationFailed("Keep the note under 5000 characters.", { body: "Keep this under 5000 characters" });
  const note = await ctx.db.$transaction(async (tx) => {
    const n = await insertJobNote(tx, ctx.companyId, jobId, ctx.user.id, text);
    await audit(tx, ctx, { entityType: JOB_ENTITY, entityId: jobId, action: "job.note_added", metadata: { noteId: n.id, ...occurred(opts.occurredAt) } });
    return n;
  });
  return (await noteViews([note]))[0]!;
}

// ---- photos and files ----

export const JOB_UPLOAD_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"] as const;

/**
 * A photo (or PDF) for the job: stored through the files service (type from the bytes, size
 * limit), linked as a JobFile with its caption and the time it was taken. `data` may be a data
 * URL or base64, for devices that send JSON.
 */
export async function addJobPhoto(
  ctx: TenantContext,
  jobId: string,
  input: { content?: Buffer; data?: string; fileName?: string; caption?: string | null; takenAt?: Date | null },
) {
  const job = await assertJobAccess(ctx, jobId, "act");
  if (job.status === "CANCELLED") throw conflict("The job was cancelled: photos can't be added.");
  const content = input.content ?? (input.data ? Buffer.from(input.data.slice(input.data.indexOf(",") + 1), "base64") : Buffer.alloc(0));
  const caption = input.caption?.trim().slice(0, 500) || null;
  const file = await storeUpload(ctx, { content, fileName: input.fileName ?? "photo", entityType: JOB_ENTITY, entityId: jobId, allowed: JOB_UPLOAD_TYPES });
  const jobFile = await ctx.db.$transaction(async (tx) => {
    const row = await insertJobFile(tx, { companyId: ctx.companyId, jobId, fileId: file.id, caption, takenAt: input.takenAt ?? null, uploadedById: ctx.user.id });
    await audit(tx, ctx, {
      entityType: JOB_ENTITY,
      entityId: jobId,
      action: "job.photo_added",
      after: { fileName: file.fileName, caption },
      metadata: { fileId: file.id, jobFileId: row.id, ...(input.takenAt ? { takenAt: input.takenAt.toISOString() } : {}) },
    });
    return row;
  });
  return { id: jobFile.id, fileId: file.id, fileName: file.fileName, caption, downloadUrl: file.downloadUrl };
}

// ---- timeline ----

export type JobTimelineEntry = { kind: "event"; at: string; event: AuditEventView } | { kind: "note"; at: string; note: JobNoteView };

const TIMELINE_LIMIT = 100;

/** The job's history, newest first: its audit events and notes merged (a note stands for its own event). */
export async function jobTimeline(ctx: TenantContext, jobId: string): Promise<JobTimelineEntry[]> {
  await assertJobAccess(ctx, jobId, "view");
  const [events, notes] = await Promise.all([
    can(ctx, "audit.view") ? listAuditEvents(ctx, { entityType: JOB_ENTITY, entityId: jobId, limit: TIMELINE_LIMIT }).then((p) => p.items) : Promise.resolve([]),
    listJobNotes(ctx, jobId, { limit: TIMELINE_LIMIT }).then((p) => p.items),
  ]);
  const entries: JobTimelineEntry[] = [
    ...events.filter((e) => e.action !== "job.note_added").map((event) => ({ kind: "event" as const, at: event.createdAt, event })),
    ...notes.map((note) => ({ kind: "note" as const, at: note.createdAt, note })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, TIMELINE_LIMIT);
}

/** Field work (checklists, clock) is refused on a job that is finished or cancelled. */
export function assertOpenForFieldWork(status: JobStatus, what: string): void {
  if (FINAL_STATUSES.has(status)) throw conflict(`The job is ${status === "CANCELLED" ? "cancelled" : status === "INVOICED" ? "invoiced" : "completed"}: ${what} can't change.`);
}

export { isAssignedOnly };

/** The job made from a quote, if any (for the quote page's "Convert to job" / "Open job"). */
export async function jobForQuote(ctx: TenantContext, quoteId: string): Promise<{ id: string; number: string } | null> {
  if (!can(ctx, "jobs.view")) return null;
  assertUuid(quoteId);
  return ctx.db.job.findFirst({ where: { quoteId }, select: { id: true, number: true } });
}
