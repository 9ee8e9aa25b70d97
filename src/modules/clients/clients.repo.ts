/** Tenant-scoped data access for clients, contacts, sites and client notes (Prisma only here). */
import type { Prisma } from "@/generated/prisma/client.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { pageArgs, type PageQuery } from "@/server/http/pagination.ts";
import type { ListClientsQuery } from "./clients.schema.ts";
import { searchTerm } from "./clients.search.ts";

type Db = TenantDb | TenantTx;

export const NOTE_ENTITY = "Client";

const LIST_INCLUDE = {
  contacts: { orderBy: { id: "asc" }, take: 1, select: { id: true, name: true, email: true, phone: true } },
  sites: { where: { archivedAt: null }, orderBy: { id: "asc" }, select: { postcode: true } },
} as const;

export async function findClients(db: TenantDb, q: ListClientsQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  const where: Prisma.ClientWhereInput = {
    ...cursorWhere,
    ...(q.archived === "exclude" ? { archivedAt: null } : q.archived === "only" ? { archivedAt: { not: null } } : {}),
    ...(q.tag ? { tags: { has: q.tag } } : {}),
    ...(q.q ? { searchText: { contains: searchTerm(q.q) } } : {}),
  };
  return db.client.findMany({ ...page, where, include: LIST_INCLUDE });
}
export type ClientListRow = Awaited<ReturnType<typeof findClients>>[number];

/** The client (with contacts and every site) when it belongs to the context's company, else null. */
export async function findClient(db: Db, id: string) {
  return db.client.findUnique({
    where: { id },
    include: { contacts: { orderBy: { id: "asc" } }, sites: { orderBy: { id: "asc" } } },
  });
}
export type ClientRow = NonNullable<Awaited<ReturnType<typeof findClient>>>;

export async function findClientBare(db: Db, id: string) {
  return db.client.findUnique({ where: { id } });
}

export async function insertClient(tx: TenantTx, companyId: string, data: Omit<Prisma.ClientUncheckedCreateInput, "companyId">) {
  return tx.client.create({ data: { ...data, companyId } });
}

export async function updateClientRow(tx: TenantTx, id: string, data: Prisma.ClientUncheckedUpdateInput) {
  return tx.client.update({ where: { id }, data });
}

/** What searchText is built from: the client, its contacts' emails and its active sites' postcodes. */
export async function findSearchSource(tx: TenantTx, id: string) {
  return tx.client.findUnique({
    where: { id },
    select: {
      name: true,
      email: true,
      phone: true,
      searchText: true,
      contacts: { select: { email: true } },
      sites: { where: { archivedAt: null }, select: { postcode: true } },
    },
  });
}

export async function setSearchText(tx: TenantTx, id: string, searchText: string) {
  await tx.client.update({ where: { id }, data: { searchText } });
}

/** Existing clients with any of these (lower-cased) emails: the import's duplicate check. */
export async function findClientEmails(db: Db, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db.client.findMany({ where: { email: { in: emails } }, select: { email: true } });
  return new Set(rows.map((r) => r.email!).filter(Boolean));
}

// ---- contacts ----

export async function findContacts(db: Db, clientId: string) {
  return db.clientContact.findMany({ where: { clientId }, orderBy: { id: "asc" } });
}

/** A contact of this client (another client's contact, even in the same company, is null). */
export async function findContact(db: Db, clientId: string, contactId: string) {
  return db.clientContact.findFirst({ where: { id: contactId, clientId } });
}

export async function insertContact(tx: TenantTx, companyId: string, clientId: string, data: Omit<Prisma.ClientContactUncheckedCreateInput, "companyId" | "clientId">) {
  return tx.clientContact.create({ data: { ...data, companyId, clientId } });
}

export async function updateContactRow(tx: TenantTx, contactId: string, data: Prisma.ClientContactUncheckedUpdateInput) {
  return tx.clientContact.update({ where: { id: contactId }, data });
}

export async function deleteContactRow(tx: TenantTx, contactId: string) {
  await tx.clientContact.delete({ where: { id: contactId } });
}

// ---- sites ----

export async function findSites(db: Db, clientId: string) {
  return db.site.findMany({ where: { clientId }, orderBy: { id: "asc" } });
}

export async function findSite(db: Db, clientId: string, siteId: string) {
  return db.site.findFirst({ where: { id: siteId, clientId } });
}

export async function insertSite(tx: TenantTx, companyId: string, clientId: string, data: Omit<Prisma.SiteUncheckedCreateInput, "companyId" | "clientId">) {
  return tx.site.create({ data: { ...data, companyId, clientId } });
}

export async function updateSiteRow(tx: TenantTx, siteId: string, data: Prisma.SiteUncheckedUpdateInput) {
  return tx.site.update({ where: { id: siteId }, data });
}

// ---- notes ----

export async function findNotes(db: Db, clientId: string, q: PageQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.note.findMany({ ...page, where: { ...cursorWhere, entityType: NOTE_ENTITY, entityId: clientId } });
}

export async function insertNote(tx: TenantTx, companyId: string, clientId: string, authorId: string, body: string) {
  return tx.note.create({ data: { companyId, entityType: NOTE_ENTITY, entityId: clientId, authorId, body } });
}

// ---- communication ----

/** The client's own address and its contacts' (lower case): who "this client" is in an email's To. */
export async function findClientAddresses(db: Db, clientId: string): Promise<string[]> {
  const c = await db.client.findUnique({ where: { id: clientId }, select: { email: true, contacts: { select: { email: true } } } });
  if (!c) return [];
  return [...new Set([c.email, ...c.contacts.map((x) => x.email)].filter((e): e is string => !!e).map((e) => e.toLowerCase()))];
}

/**
 * Email sent to this client, newest first: every message recorded against it, and any message
 * recorded against no client that went to its address or one of its contacts' (e.g. before the
 * enquirer became a client). A message recorded against another client is never included.
 */
export async function findEmailHistory(db: Db, clientId: string, addresses: string[], q: PageQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.emailMessage.findMany({
    ...page,
    where: { ...cursorWhere, OR: [{ clientId }, ...(addresses.length ? [{ clientId: null, to: { hasSome: addresses } }] : [])] },
    select: { id: true, subject: true, to: true, status: true, createdAt: true, sentAt: true, template: true },
  });
}
