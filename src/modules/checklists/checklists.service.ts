/**
 * Checklist templates (versioned: an edit makes a new version of the same family, the old one is
 * kept; archived instead of deleted) and job checklists: attaching a template copies it onto the
 * job (a snapshot later template edits don't touch); ticking an item records who and when.
 */
import { assertJobAccess, assertUuid } from "@/modules/jobs/job-access.ts";
import { FINAL_STATUSES } from "@/modules/jobs/job-status.ts";
import { JOB_ENTITY } from "@/modules/jobs/jobs.repo.ts";
import { audit } from "@/server/audit/audit.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import { conflict, notFound, validationFailed } from "@/server/errors/errors.ts";
import { pageOf } from "@/server/http/pagination.ts";
import {
  deleteJobChecklist,
  findFamilyVersions,
  findJobChecklist,
  findJobChecklistItem,
  findTemplate,
  findTemplates,
  insertJobChecklist,
  insertTemplate,
  lockFamily,
  setItemCompletion,
  updateTemplateRow,
  type TemplateRow,
} from "./checklists.repo.ts";
import type { ListTemplatesQuery, TemplateInput, TemplateView } from "./checklists.schema.ts";

export const TEMPLATE_ENTITY = "ChecklistTemplate";

function templateView(t: TemplateRow, versions?: { id: string; version: number; createdAt: Date }[]): TemplateView {
  return {
    id: t.id,
    familyId: t.familyId,
    version: t.version,
    title: t.title,
    description: t.description,
    current: !t.supersededAt,
    archivedAt: t.archivedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    items: t.items.map((i) => ({ id: i.id, position: i.position, label: i.label, description: i.description, required: i.required })),
    ...(versions ? { versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt.toISOString() })) } : {}),
  };
}

/** Who may see templates: anyone who can see jobs (office), to attach them. */
function assertCanViewTemplates(ctx: TenantContext) {
  assertCan(ctx, "jobs.view");
}

export async function listTemplates(ctx: TenantContext, q: ListTemplatesQuery) {
  assertCanViewTemplates(ctx);
  const page = pageOf(await findTemplates(ctx.db, q), q.limit);
  return { items: page.items.map((t) => templateView(t)), nextCursor: page.nextCursor };
}

export async function getTemplate(ctx: TenantContext, id: string): Promise<TemplateView> {
  assertCanViewTemplates(ctx);
  assertUuid(id);
  const t = await findTemplate(ctx.db, id);
  if (!t) throw notFound();
  return templateView(t, await findFamilyVersions(ctx.db, t.familyId));
}

export async function createTemplate(ctx: TenantContext, input: TemplateInput): Promise<TemplateView> {
  assertCan(ctx, "jobs.manage");
  const t = await ctx.db.$transaction(async (tx) => {
    const id = crypto.randomUUID();
    const row = await insertTemplate(tx, { id, companyId: ctx.companyId, familyId: id, version: 1, title: input.title, description: input.description ?? null, createdById: ctx.user.id }, input.items);
    await audit(tx, ctx, { entityType: TEMPLATE_ENTITY, entityId: row.familyId, action: "checklist_template.created", after: { title: row.title, version: 1, items: row.items.length } });
    return row;
  });
  return getTemplate(ctx, t.id);
}

/** An edit is a new version of the family; the edited version is marked superseded and kept. */
export async function updateTemplate(ctx: TenantContext, id: string, input: TemplateInput): Promise<TemplateView> {
  assertCan(ctx, "jobs.manage");
  assertUuid(id);
  const next = await ctx.db.$transaction(async (tx) => {
    const found = await findTemplate(tx, id);
    if (!found) throw notFound();
    await lockFamily(tx, ctx.companyId, found.familyId);
    const current = (await findTemplate(tx, id))!;
    if (current.supersededAt) throw conflict("A newer version of this checklist exists. Edit the latest version.");
    if (current.archivedAt) throw conflict("This checklist is archived. Restore it before editing.");
    await updateTemplateRow(tx, id, { supersededAt: new Date() });
    const row = await insertTemplate(
      tx,
      { companyId: ctx.companyId, familyId: current.familyId, version: current.version + 1, title: input.title, description: input.description ?? null, createdById: ctx.user.id },
      input.items,
    );
    await audit(tx, ctx, {
      entityType: TEMPLATE_ENTITY,
      entityId: current.familyId,
      action: "checklist_template.updated",
      before: { title: current.title, version: current.version, items: current.items.map((i) => `${i.label}${i.required ? "" : " (optional)"}`) },
      after: { title: row.title, version: row.version, items: row.items.map((i) => `${i.label}${i.required ? "" : " (optional)"}`) },
    });
    return row;
  });
  return getTemplate(ctx, next.id);
}

async function setArchived(ctx: TenantContext, id: string, archived: boolean): Promise<TemplateView> {
  assertCan(ctx, "jobs.manage");
  assertUuid(id);
  await ctx.db.$transaction(async (tx) => {
    const t = await findTemplate(tx, id);
    if (!t) throw notFound();
    if (t.supersededAt) throw conflict("A newer version of this checklist exists. Use the latest version.");
    if (!!t.archivedAt === archived) return;
    await updateTemplateRow(tx, id, { archivedAt: archived ? new Date() : null });
    await audit(tx, ctx, { entityType: TEMPLATE_ENTITY, entityId: t.familyId, action: archived ? "checklist_template.archived" : "checklist_template.restored", after: { title: t.title, version: t.version } });
  });
  return getTemplate(ctx, id);
}

export const archiveTemplate = (ctx: TenantContext, id: string) => setArchived(ctx, id, true);
export const restoreTemplate = (ctx: TenantContext, id: string) => setArchived(ctx, id, false);

// ---- job checklists ----

/** Copies the template's current version onto the job (the job keeps this copy whatever happens to the template). */
export async function attachChecklist(ctx: TenantContext, jobId: string, templateId: string) {
  const job = await assertJobAccess(ctx, jobId, "manage");
  assertUuid(templateId);
  if (FINAL_STATUSES.has(job.status)) throw conflict("The job is finished: checklists can't be added.");
  return ctx.db.$transaction(async (tx) => {
    const t = await findTemplate(tx, templateId);
    if (!t) throw validationFailed("Choose a checklist.", { templateId: "Choose a checklist" });
    if (t.archivedAt || t.supersededAt) throw validationFailed("That checklist is archived or has a newer version.", { templateId: "Choose a current checklist" });
    const c = await insertJobChecklist(tx, ctx.companyId, jobId, t);
    await audit(tx, ctx, {
      entityType: JOB_ENTITY,
      entityId: jobId,
      action: "job.checklist_attached",
      after: { title: t.title, version: t.version, items: t.items.length, required: t.items.filter((i) => i.required).length },
      metadata: { jobChecklistId: c.id, templateId: t.id },
    });
    return { id: c.id, title: c.title };
  });
}

/** Removes a checklist from a job that has not started on it (no item ticked). */
export async function detachChecklist(ctx: TenantContext, jobId: string, checklistId: string) {
  const job = await assertJobAccess(ctx, jobId, "manage");
  assertUuid(checklistId);
  if (FINAL_STATUSES.has(job.status)) throw conflict("The job is finished: its checklists can't change.");
  await ctx.db.$transaction(async (tx) => {
    const c = await findJobChecklist(tx, jobId, checklistId);
    if (!c) throw notFound();
    if (c.items.some((i) => i.completedAt)) throw conflict("Items of this checklist are already ticked: it can't be removed.");
    await deleteJobChecklist(tx, c.id);
    await audit(tx, ctx, { entityType: JOB_ENTITY, entityId: jobId, action: "job.checklist_removed", before: { title: c.title, version: c.templateVersion } });
  });
  return { deleted: true };
}

/**
 * Ticks (done) or unticks an item, recording who and when (the device time for offline ticks).
 * Setting the state it already has changes nothing (a replayed sync is harmless).
 */
export async function setChecklistItem(ctx: TenantContext, itemId: string, done: boolean, opts: { occurredAt?: Date | null; jobId?: string } = {}) {
  assertUuid(itemId);
  const item = await findJobChecklistItem(ctx.db, itemId);
  if (!item || (opts.jobId && item.checklist.jobId !== opts.jobId)) throw notFound();
  const job = await assertJobAccess(ctx, item.checklist.jobId, "act");
  if (FINAL_STATUSES.has(job.status)) throw conflict(`The job is ${job.status === "CANCELLED" ? "cancelled" : "finished"}: its checklist can't change.`);
  return ctx.db.$transaction(async (tx) => {
    const fresh = (await findJobChecklistItem(tx, itemId))!;
    if (!!fresh.completedAt === done) return itemView(fresh);
    const at = done ? (opts.occurredAt ?? new Date()) : null;
    const updated = await setItemCompletion(tx, itemId, at, done ? ctx.user.id : null);
    await audit(tx, ctx, {
      entityType: JOB_ENTITY,
      entityId: item.checklist.jobId,
      action: done ? "job.checklist_item_completed" : "job.checklist_item_reopened",
      after: { item: fresh.label, checklist: item.checklist.title, ...(done ? { completedAt: at } : {}) },
      metadata: { itemId, ...(opts.occurredAt ? { occurredAt: opts.occurredAt.toISOString() } : {}) },
    });
    return itemView({ ...updated, checklist: item.checklist });
  });
}

function itemView(i: { id: string; label: string; required: boolean; completedAt: Date | null; completedById: string | null; checklist: { id: string; jobId: string } }) {
  return { id: i.id, jobId: i.checklist.jobId, checklistId: i.checklist.id, label: i.label, required: i.required, completedAt: i.completedAt?.toISOString() ?? null, completedById: i.completedById };
}
