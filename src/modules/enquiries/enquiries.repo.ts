/** Enquiries, pipeline stages, their notes, and the minimal client/site rows a conversion writes. */
import type { Prisma } from "@/generated/prisma/client.ts";
import { guardedDb, type TenantDb, type TenantTx } from "@/server/db/tenancy.ts";
import { auditSnapshot } from "@/server/audit/audit.ts";
import { pageArgs } from "@/server/http/pagination.ts";
import type { ListEnquiriesQuery } from "./enquiries.schema.ts";

type Db = TenantDb | TenantTx;

export const DEFAULT_STAGES = [
  { name: "New", colour: "#2563eb", isWon: false, isLost: false },
  { name: "Contacted", colour: "#7c3aed", isWon: false, isLost: false },
  { name: "Site visit booked", colour: "#0891b2", isWon: false, isLost: false },
  { name: "Quoted", colour: "#d97706", isWon: false, isLost: false },
  { name: "Won", colour: "#16a34a", isWon: true, isLost: false },
  { name: "Lost", colour: "#dc2626", isWon: false, isLost: true },
] as const;

/**
 * The public form arrives with a slug and no tenant: this is the one unscoped lookup, by slug,
 * returning only what the form needs. Everything after it runs through tenantDb(company.id).
 */
export async function unsafeFindCompanyBySlug(slug: string) {
  return guardedDb().company.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, status: true, brandPrimaryColor: true, phone: true, email: true },
  });
}

// ---- stages ----

/** Serialises first-use creation of default stages per company (transaction-scoped lock). */
export async function lockStages(tx: TenantTx, companyId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pipeline-stages:${companyId}`}))`;
}

export async function countAllStages(db: Db) {
  return db.pipelineStage.count();
}

export async function insertDefaultStages(tx: TenantTx, companyId: string) {
  await tx.pipelineStage.createMany({ data: DEFAULT_STAGES.map((s, i) => ({ ...s, companyId, position: i })) });
}

export async function findActiveStages(db: Db) {
  return db.pipelineStage.findMany({ where: { archivedAt: null }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

export async function findStage(db: Db, id: string) {
  return db.pipelineStage.findFirst({ where: { id, archivedAt: null } });
}

export async function countEnquiriesByStage(db: Db) {
  const rows = await db.enquiry.groupBy({ by: ["stageId"], _count: { _all: true } });
  return new Map(rows.map((r) => [r.stageId, r._count._all]));
}

export async function countEnquiriesInStage(db: Db, stageId: string) {
  return db.enquiry.count({ where: { stageId } });
}

export async function findOtherFlaggedStage(db: Db, flag: "isWon" | "isLost", exceptId: string | null) {
  return db.pipelineStage.findFirst({ where: { [flag]: true, archivedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) } });
}

export async function insertStage(tx: TenantTx, companyId: string, data: { name: string; colour: string; isWon: boolean; isLost: boolean; position: number }) {
  return tx.pipelineStage.create({ data: { ...data, companyId } });
}

export async function updateStage(tx: TenantTx, id: string, data: Prisma.PipelineStageUpdateInput) {
  return tx.pipelineStage.update({ where: { id }, data });
}

// ---- enquiries ----

const withStage = { stage: { select: { id: true, name: true, colour: true, isWon: true, isLost: true } } } as const;
export type EnquiryRow = Prisma.EnquiryGetPayload<{ include: typeof withStage }>;

export async function findEnquiries(db: Db, q: ListEnquiriesQuery): Promise<EnquiryRow[]> {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.enquiry.findMany({
    ...page,
    include: withStage,
    where: {
      ...cursorWhere,
      ...(q.stage ? { stageId: q.stage } : {}),
      ...(q.owner === "none" ? { ownerId: null } : q.owner ? { ownerId: q.owner } : {}),
      ...(q.source ? { source: q.source } : {}),
      ...(q.q ? { searchText: { contains: q.q.toLowerCase() } } : {}),
    },
  });
}

/** Every enquiry of the open (not won/lost) stages plus recent won/lost ones, for the board. */
export async function findBoardEnquiries(db: Db, max: number): Promise<EnquiryRow[]> {
  return db.enquiry.findMany({ include: withStage, orderBy: { id: "desc" }, take: max, where: { stage: { archivedAt: null } } });
}

export async function findEnquiry(db: Db, id: string): Promise<EnquiryRow | null> {
  return db.enquiry.findUnique({ where: { id }, include: withStage });
}

export async function insertEnquiry(tx: TenantTx, data: Omit<Prisma.EnquiryUncheckedCreateInput, "companyId"> & { companyId: string }): Promise<EnquiryRow> {
  return tx.enquiry.create({ data, include: withStage });
}

export async function updateEnquiry(tx: TenantTx, id: string, data: Prisma.EnquiryUncheckedUpdateInput): Promise<EnquiryRow> {
  return tx.enquiry.update({ where: { id }, data, include: withStage });
}

/** Marks an enquiry converted only if nobody did first (false when it already was). */
export async function markConverted(tx: TenantTx, id: string, data: { clientId: string; siteId: string | null; convertedAt: Date; stageId?: string }) {
  const r = await tx.enquiry.updateMany({ where: { id, convertedAt: null }, data });
  return r.count === 1;
}

// ---- people ----

/** ADMIN and OFFICE members who are active: who may own an enquiry (and who hears of new ones). */
export async function findOfficeMembers(db: Db) {
  const rows = await db.companyMembership.findMany({
    where: { status: "ACTIVE", role: { in: ["ADMIN", "OFFICE"] } },
    select: { userId: true, user: { select: { name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.userId, name: r.user.name, email: r.user.email }));
}

export async function findUserNamesByIds(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await guardedDb().user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

// ---- notes and history ----

export async function insertNote(tx: TenantTx, companyId: string, data: { entityId: string; authorId: string; body: string }) {
  return tx.note.create({ data: { companyId, entityType: "Enquiry", ...data } });
}

export async function findNotes(db: Db, enquiryId: string) {
  return db.note.findMany({ where: { entityType: "Enquiry", entityId: enquiryId }, orderBy: { id: "desc" }, take: 200 });
}

export async function findEnquiryEvents(db: Db, enquiryId: string) {
  return db.auditEvent.findMany({ where: { entityType: "Enquiry", entityId: enquiryId }, orderBy: { id: "desc" }, take: 200 });
}

// ---- conversion (minimal client + site rows; the clients module owns everything else about them) ----

export async function insertClientFromEnquiry(tx: TenantTx, companyId: string, data: { name: string; email: string | null; phone: string | null; searchText: string }) {
  return tx.client.create({ data: { companyId, kind: "PERSON", ...data } });
}

export async function insertSiteFromEnquiry(tx: TenantTx, companyId: string, data: { clientId: string; addressLine1: string; town: string; postcode: string }) {
  return tx.site.create({ data: { companyId, ...data } });
}

/**
 * The audit row of a public submission: nobody is signed in, so there is no TenantContext for
 * `audit()`; the same fields, written through the tenant transaction so it commits with the enquiry.
 */
export async function insertPublicAuditEvent(
  tx: TenantTx,
  companyId: string,
  meta: { ip: string | null; userAgent: string | null; requestId: string },
  e: { entityId: string; action: string; after: unknown },
) {
  return tx.auditEvent.create({
    data: { companyId, actorId: null, entityType: "Enquiry", entityId: e.entityId, action: e.action, after: auditSnapshot(e.after), ip: meta.ip, userAgent: meta.userAgent, requestId: meta.requestId },
  });
}
