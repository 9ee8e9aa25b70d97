/**
 * Tenant-scoped data access for invoices, their lines, links, credit notes and payments (Prisma
 * only here). Jobs are read directly (engineer D owns the jobs module; we only need its budget).
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { pageArgs } from "@/server/http/pagination.ts";
import type { ListInvoicesQuery, ListPaymentsQuery } from "./invoices.schema.ts";

type Db = TenantDb | TenantTx;

export const INVOICE_INCLUDE = {
  client: { select: { id: true, name: true, kind: true, email: true, vatRegistered: true, vatNumber: true, cisContractor: true, cisRateBps: true, reverseChargeEndUser: true, paymentTermsDays: true } },
  lines: { orderBy: { position: "asc" } },
  payments: { orderBy: { id: "asc" }, include: { refunds: { orderBy: { id: "asc" } } } },
  creditNotes: { orderBy: { id: "asc" }, include: { lines: { orderBy: { position: "asc" } } } },
  quote: { select: { number: true } },
} as const satisfies Prisma.InvoiceInclude;

export async function findInvoice(db: Db, id: string) {
  return db.invoice.findUnique({ where: { id }, include: INVOICE_INCLUDE });
}
export type InvoiceRow = NonNullable<Awaited<ReturnType<typeof findInvoice>>>;

/** Locks the invoice row for the rest of the transaction: payments, credits and status changes are serialised. */
export async function lockInvoice(tx: TenantTx, companyId: string, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Invoice" WHERE "companyId" = ${companyId}::uuid AND "id" = ${id}::uuid FOR UPDATE`;
  return rows.length === 1;
}

function listWhere(q: ListInvoicesQuery, today: Date): Prisma.InvoiceWhereInput {
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.clientId ? { clientId: q.clientId } : {}),
    ...(q.overdue === true ? { status: { in: q.status ? [q.status].filter((s) => s === "ISSUED" || s === "PART_PAID") : ["ISSUED", "PART_PAID"] }, dueDate: { lt: today } } : {}),
    ...(q.overdue === false ? { NOT: { status: { in: ["ISSUED", "PART_PAID"] }, dueDate: { lt: today } } } : {}),
    ...(q.from || q.to ? { issueDate: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lte: new Date(`${q.to}T00:00:00Z`) } : {}) } } : {}),
    ...(q.q ? { OR: [{ number: { contains: q.q, mode: "insensitive" } }, { title: { contains: q.q, mode: "insensitive" } }, { client: { name: { contains: q.q, mode: "insensitive" } } }] } : {}),
  };
}

export async function findInvoices(db: TenantDb, q: ListInvoicesQuery, today: Date) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.invoice.findMany({ ...page, where: { ...cursorWhere, ...listWhere(q, today) }, include: { client: { select: { name: true } } } });
}

/** The totals row of a filtered list (every page, not just the one shown); void invoices count only when asked for. */
export async function sumInvoices(db: TenantDb, q: ListInvoicesQuery, today: Date) {
  const where: Prisma.InvoiceWhereInput = q.status === "VOID" ? listWhere(q, today) : { AND: [listWhere(q, today), { status: { not: "VOID" } }] };
  return db.invoice.aggregate({ where, _count: { _all: true }, _sum: { grossPence: true, payablePence: true, paidPence: true, creditedPence: true } });
}

export async function insertLines(tx: TenantTx, companyId: string, invoiceId: string, lines: Omit<Prisma.InvoiceLineCreateManyInput, "companyId" | "invoiceId" | "position">[]) {
  if (lines.length === 0) return;
  await tx.invoiceLine.createMany({ data: lines.map((l, position) => ({ ...l, companyId, invoiceId, position })) });
}

export async function deleteLines(tx: TenantTx, invoiceId: string) {
  await tx.invoiceLine.deleteMany({ where: { invoiceId } });
}

export async function findClientForInvoice(db: Db, clientId: string) {
  return db.client.findUnique({ where: { id: clientId }, include: { contacts: true, sites: { where: { archivedAt: null }, orderBy: { id: "asc" } } } });
}

export async function findSite(db: Db, clientId: string, siteId: string) {
  return db.site.findFirst({ where: { id: siteId, clientId } });
}

export async function findCompanyForInvoice(db: Db, companyId: string) {
  return db.company.findFirstOrThrow({ where: { id: companyId } });
}

/** An accepted quote with its agreement and the version the client signed. */
export async function findQuoteForInvoice(db: Db, quoteId: string) {
  return db.quote.findUnique({
    where: { id: quoteId },
    include: { agreement: { include: { quoteVersion: true } }, invoices: { where: { status: { not: "VOID" } }, include: { lines: true } } },
  });
}

/** A job with its budget lines (read-only: the jobs module is engineer D's). */
export async function findJobForInvoice(db: Db, jobId: string) {
  return db.job.findUnique({ where: { id: jobId }, include: { budgetLines: { orderBy: { position: "asc" } } } });
}

export async function findPayments(db: TenantDb, q: ListPaymentsQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.payment.findMany({ ...page, where: { ...cursorWhere, ...(q.invoiceId ? { invoiceId: q.invoiceId } : {}) }, include: { refunds: { orderBy: { id: "asc" } }, invoice: { select: { number: true } } } });
}

export async function findPayment(db: Db, id: string) {
  return db.payment.findUnique({ where: { id }, include: { refunds: { orderBy: { id: "asc" } }, invoice: { select: { number: true } } } });
}

export async function findInvoiceEmails(db: TenantDb, invoiceId: string) {
  return db.emailMessage.findMany({ where: { entityType: "Invoice", entityId: invoiceId }, orderBy: { id: "desc" }, take: 50, select: { id: true, to: true, subject: true, status: true, createdAt: true } });
}

export async function findInvoicePdfs(db: TenantDb, entityIds: string[]) {
  if (entityIds.length === 0) return [];
  return db.storedFile.findMany({ where: { entityId: { in: entityIds }, kind: { in: ["pdf:invoice", "pdf:credit-note"] } }, orderBy: { id: "desc" }, select: { id: true, entityId: true } });
}

/** The client's invoice link is looked up by its token hash before any tenant is known (the raw client, here only). */
export async function unsafeFindInvoiceLinkByTokenHash(tokenHash: string) {
  return unsafeUnscopedDb().invoiceLink.findUnique({ where: { tokenHash }, select: { id: true, companyId: true, invoiceId: true, expiresAt: true, revokedAt: true } });
}

/** A client's issued (or voided) invoices, newest first, with their credit notes: the client timeline's source. */
export async function findClientInvoiceHistory(db: TenantDb, clientId: string, limit: number) {
  return db.invoice.findMany({
    where: { clientId, issuedAt: { not: null } },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, number: true, title: true, status: true, issuedAt: true, paidAt: true, voidedAt: true, voidReason: true, payablePence: true, createdById: true, creditNotes: { select: { id: true, number: true, reason: true, grossPence: true, createdAt: true, createdById: true } } },
  });
}
