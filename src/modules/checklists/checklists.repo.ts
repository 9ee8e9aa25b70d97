/** Tenant-scoped data access for checklist templates and job checklists (Prisma only here). */
import type { Prisma } from "@/generated/prisma/client.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { pageArgs } from "@/server/http/pagination.ts";
import type { ListTemplatesQuery } from "./checklists.schema.ts";

type Db = TenantDb | TenantTx;

const ITEMS = { items: { orderBy: { position: "asc" } } } as const;

/** Current versions (not superseded), filtered by archive state and title. */
export async function findTemplates(db: Db, q: ListTemplatesQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  const where: Prisma.ChecklistTemplateWhereInput = {
    ...cursorWhere,
    supersededAt: null,
    ...(q.archived === "exclude" ? { archivedAt: null } : q.archived === "only" ? { archivedAt: { not: null } } : {}),
    ...(q.q ? { title: { contains: q.q, mode: "insensitive" } } : {}),
  };
  return db.checklistTemplate.findMany({ ...page, where, include: ITEMS });
}

export async function findTemplate(db: Db, id: string) {
  return db.checklistTemplate.findUnique({ where: { id }, include: ITEMS });
}
export type TemplateRow = NonNullable<Awaited<ReturnType<typeof findTemplate>>>;

export async function findFamilyVersions(db: Db, familyId: string) {
  return db.checklistTemplate.findMany({ where: { familyId }, orderBy: { version: "desc" }, select: { id: true, version: true, createdAt: true } });
}

export async function lockFamily(tx: TenantTx, companyId: string, familyId: string) {
  await tx.$queryRaw`SELECT 1 FROM "ChecklistTemplate" WHERE "companyId" = ${companyId}::uuid AND "familyId" = ${familyId}::uuid FOR UPDATE`;
}

export async function insertTemplate(
  tx: TenantTx,
  data: Omit<Prisma.ChecklistTemplateUncheckedCreateInput, "items">,
  items: { label: string; description?: string | null; required: boolean }[],
) {
  const t = await tx.checklistTemplate.create({ data });
  await tx.checklistTemplateItem.createMany({
    data: items.map((i, position) => ({ companyId: data.companyId, templateId: t.id, position, label: i.label, description: i.description ?? null, required: i.required })),
  });
  return (await findTemplate(tx, t.id))!;
}

export async function updateTemplateRow(tx: TenantTx, id: string, data: Prisma.ChecklistTemplateUncheckedUpdateInput) {
  return tx.checklistTemplate.update({ where: { id }, data });
}

export async function insertJobChecklist(tx: TenantTx, companyId: string, jobId: string, t: TemplateRow) {
  const c = await tx.jobChecklist.create({ data: { companyId, jobId, templateId: t.id, templateVersion: t.version, title: t.title } });
  await tx.jobChecklistItem.createMany({
    data: t.items.map((i) => ({ companyId, jobChecklistId: c.id, position: i.position, label: i.label, description: i.description, required: i.required })),
  });
  return c;
}

export async function findJobChecklistItem(db: Db, itemId: string) {
  return db.jobChecklistItem.findUnique({ where: { id: itemId }, include: { checklist: { select: { id: true, jobId: true, title: true } } } });
}

export async function setItemCompletion(tx: TenantTx, itemId: string, completedAt: Date | null, completedById: string | null) {
  return tx.jobChecklistItem.update({ where: { id: itemId }, data: { completedAt, completedById } });
}

export async function findJobChecklist(db: Db, jobId: string, checklistId: string) {
  return db.jobChecklist.findFirst({ where: { id: checklistId, jobId }, include: ITEMS });
}

export async function deleteJobChecklist(tx: TenantTx, id: string) {
  await tx.jobChecklist.delete({ where: { id } });
}
