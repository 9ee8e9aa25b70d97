/**
 * Clients use cases: capability check, one transaction per change, Client.searchText kept current
 * in that transaction, and an audit event (before/after of the changed fields) beside every write.
 * Every event of the area is recorded on the client (entityType "Client"), so its timeline is one query.
 */
import type { Client, ClientContact, Note, Site } from "@/generated/prisma/client.ts";
import { findUserNames } from "@/modules/audit/audit.repo.ts";
import { audit } from "@/server/audit/audit.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { notFound } from "@/server/errors/errors.ts";
import { pageOf, type PageQuery } from "@/server/http/pagination.ts";
import {
  deleteContactRow,
  findClient,
  findClientAddresses,
  findClientBare,
  findClients,
  findContact,
  findContacts,
  findEmailHistory,
  findNotes,
  findSearchSource,
  findSite,
  findSites,
  insertClient,
  insertContact,
  insertNote,
  insertSite,
  setSearchText,
  updateClientRow,
  updateContactRow,
  updateSiteRow,
  type ClientListRow,
  type ClientRow,
} from "./clients.repo.ts";
import type {
  ClientListItem,
  ClientView,
  ContactView,
  CreateClientInput,
  CreateContactInput,
  CreateNoteInput,
  CreateSiteInput,
  EmailHistoryItem,
  ListClientsQuery,
  NoteView,
  SiteView,
  UpdateClientInput,
  UpdateContactInput,
  UpdateSiteInput,
} from "./clients.schema.ts";
import { buildSearchText } from "./clients.search.ts";

export const CLIENT_ENTITY = "Client";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function contactView(c: ClientContact): ContactView {
  return {
    id: c.id,
    clientId: c.clientId,
    name: c.name,
    email: c.email,
    phone: c.phone,
    role: c.role,
    receivesQuotes: c.receivesQuotes,
    receivesInvoices: c.receivesInvoices,
    createdAt: c.createdAt.toISOString(),
  };
}

export function siteView(s: Site): SiteView {
  return {
    id: s.id,
    clientId: s.clientId,
    label: s.label,
    addressLine1: s.addressLine1,
    addressLine2: s.addressLine2,
    town: s.town,
    postcode: s.postcode,
    accessNotes: s.accessNotes,
    archivedAt: iso(s.archivedAt),
    createdAt: s.createdAt.toISOString(),
  };
}

function baseView(c: Client) {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    email: c.email,
    phone: c.phone,
    tags: c.tags,
    paymentTermsDays: c.paymentTermsDays,
    vatRegistered: c.vatRegistered,
    vatNumber: c.vatNumber,
    cisContractor: c.cisContractor,
    cisRateBps: c.cisRateBps,
    reverseChargeEndUser: c.reverseChargeEndUser,
    archivedAt: iso(c.archivedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function listItem(c: ClientListRow): ClientListItem {
  const contact = c.contacts[0];
  return {
    ...baseView(c),
    siteCount: c.sites.length,
    postcodes: [...new Set(c.sites.map((s) => s.postcode))],
    primaryContact: contact ? { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone } : null,
  };
}

function clientView(c: ClientRow): ClientView {
  return { ...baseView(c), contacts: c.contacts.map(contactView), sites: c.sites.map(siteView) };
}

/** Only the fields whose value actually changes, with their before values. */
function diff<T extends Record<string, unknown>>(current: Record<string, unknown>, input: T) {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const after = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && !same(current[k], v))) as Partial<T>;
  const before = Object.fromEntries(Object.keys(after).map((k) => [k, current[k] ?? null]));
  return { before, after, changed: Object.keys(after).length > 0 };
}

/** Recomputes Client.searchText inside the caller's transaction. */
export async function refreshSearchText(tx: TenantTx, clientId: string): Promise<void> {
  const src = await findSearchSource(tx, clientId);
  if (!src) return;
  const text = buildSearchText({
    name: src.name,
    email: src.email,
    phone: src.phone,
    contactEmails: src.contacts.map((c) => c.email),
    postcodes: src.sites.map((s) => s.postcode),
  });
  if (text !== src.searchText) await setSearchText(tx, clientId, text);
}

async function requireClient(db: TenantContext["db"] | TenantTx, id: string) {
  const client = await findClientBare(db, id);
  if (!client) throw notFound();
  return client;
}

// ---- clients ----

export async function listClients(ctx: TenantContext, q: ListClientsQuery) {
  assertCan(ctx, "clients.view");
  const page = pageOf(await findClients(ctx.db, q), q.limit);
  return { items: page.items.map(listItem), nextCursor: page.nextCursor };
}

export async function getClient(ctx: TenantContext, id: string): Promise<ClientView> {
  assertCan(ctx, "clients.view");
  const client = await findClient(ctx.db, id);
  if (!client) throw notFound();
  return clientView(client);
}

/** The row written for a new client (shared by the form/API and the CSV import). */
export async function createClientInTx(tx: TenantTx, ctx: TenantContext, input: CreateClientInput, metadata?: Record<string, unknown>) {
  const data = {
    kind: input.kind,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    tags: input.tags ?? [],
    paymentTermsDays: input.paymentTermsDays ?? null,
    vatRegistered: input.vatRegistered ?? false,
    vatNumber: input.vatNumber ?? null,
    cisContractor: input.cisContractor ?? false,
    cisRateBps: input.cisContractor ? (input.cisRateBps ?? 2000) : (input.cisRateBps ?? null),
    reverseChargeEndUser: input.reverseChargeEndUser ?? false,
  };
  const client = await insertClient(tx, ctx.companyId, data);
  await audit(tx, ctx, { entityType: CLIENT_ENTITY, entityId: client.id, action: "client.created", after: data, metadata });
  return client;
}

export async function createClient(ctx: TenantContext, input: CreateClientInput): Promise<ClientView> {
  assertCan(ctx, "clients.manage");
  return ctx.db.$transaction(async (tx) => {
    const client = await createClientInTx(tx, ctx, input);
    await refreshSearchText(tx, client.id);
    return clientView((await findClient(tx, client.id))!);
  });
}

export async function updateClient(ctx: TenantContext, id: string, input: UpdateClientInput): Promise<ClientView> {
  assertCan(ctx, "clients.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await requireClient(tx, id);
    const { before, after, changed } = diff(current, input);
    if (changed) {
      await updateClientRow(tx, id, after);
      await audit(tx, ctx, { entityType: CLIENT_ENTITY, entityId: id, action: "client.updated", before, after });
      await refreshSearchText(tx, id);
    }
    return clientView((await findClient(tx, id))!);
  });
}

async function setArchived(ctx: TenantContext, id: string, archived: boolean): Promise<ClientView> {
  assertCan(ctx, "clients.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await requireClient(tx, id);
    if (!!current.archivedAt !== archived) {
      const archivedAt = archived ? new Date() : null;
      await updateClientRow(tx, id, { archivedAt });
      await audit(tx, ctx, {
        entityType: CLIENT_ENTITY,
        entityId: id,
        action: archived ? "client.archived" : "client.restored",
        before: { archivedAt: current.archivedAt },
        after: { archivedAt },
      });
    }
    return clientView((await findClient(tx, id))!);
  });
}

export const archiveClient = (ctx: TenantContext, id: string) => setArchived(ctx, id, true);
export const restoreClient = (ctx: TenantContext, id: string) => setArchived(ctx, id, false);

// ---- contacts ----

export async function listContacts(ctx: TenantContext, clientId: string) {
  assertCan(ctx, "clients.view");
  await requireClient(ctx.db, clientId);
  return { items: (await findContacts(ctx.db, clientId)).map(contactView), nextCursor: null };
}

export async function createContact(ctx: TenantContext, clientId: string, input: CreateContactInput): Promise<ContactView> {
  assertCan(ctx, "clients.manage");
  return ctx.db.$transaction(async (tx) => {
    await requireClient(tx, clientId);
    const data = {
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      role: input.role ?? null,
      receivesQuotes: input.receivesQuotes,
      receivesInvoices: input.receivesInvoices,
    };
    const contact = await insertContact(tx, ctx.companyId, clientId, data);
    await audit(tx, ctx, { entityType: CLIENT_ENTITY, entityId: clientId, action: "client.contact_added", after: data, metadata: { contactId: contact.id } });
    await refreshSearchText(tx, clientId);
    return contactView(contact);
  });
}

export async function updateContact(ctx: TenantContext, clientId: string, contactId: string, input: UpdateContactInput): Promise<ContactView> {
  assertCan(ctx, "clients.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await findContact(tx, clientId, contactId);
    if (!current) throw notFound();
    const { before, after, changed } = diff(current, input);
    if (!changed) return contactView(current);
    const contact = await updateContactRow(tx, contactId, after);
    await audit(tx, ctx, { entityType: CLIENT_ENTITY, entityId: clientId, action: "client.contact_updated", before, after, metadata: { contactId, name: contact.name } });
    await refreshSearchText(tx, clientId);
    return contactView(contact);
  });
}

export async function deleteContact(ctx: TenantContext, clientId: string, contactId: string) {
  assertCan(ctx, "clients.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await findContact(tx, clientId, contactId);
    if (!current) throw notFound();
    await deleteContactRow(tx, contactId);
    const { name, email, phone, role } = current;
    await audit(tx, ctx, { entityType: CLIENT_ENTITY, entityId: clientId, action: "client.contact_removed", before: { name, email, phone, role }, metadata: { contactId } });
    await refreshSearchText(tx, clientId);
    return { deleted: true };
  });
}

// ---- sites ----

export async function listSites(ctx: TenantContext, clientId: string) {
  assertCan(ctx, "clients.view");
  await requireClient(ctx.db, clientId);
  return { items: (await findSites(ctx.db, clientId)).map(siteView), nextCursor: null };
}

export async function createSite(ctx: TenantContext, clientId: string, input: CreateSiteInput): Promise<SiteView> {
  assertCan(ctx, "clients.manage");
  return ctx.db.$transaction(async (tx) => {
    await requireClient(tx, clientId);
    const data = {
      label: input.label ?? null,
      addressLine1: input.addressLine1,
      addressLine2: input.addressLine2 ?? null,
      town: input.town,
      postcode: input.postcode,
      accessNotes: input.accessNotes ?? null,
    };
    const site = await insertSite(tx, ctx.companyId, clientId, data);
    await audit(tx, ctx, { entityType: CLIENT_ENTITY, entityId: clientId, action: "client.site_added", after: data, metadata: { siteId: site.id } });
    await refreshSearchText(tx, clientId);
    return siteView(site);
  });
}

export async function updateSite(ctx: TenantContext, clientId: string, siteId: string, input: UpdateSiteInput): Promise<SiteView> {
  assertCan(ctx, "clients.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await findSite(tx, clientId, siteId);
    if (!current) throw notFound();
    const { before, after, changed } = diff(current, input);
    if (!changed) return siteView(current);
    const site = await updateSiteRow(tx, siteId, after);
    await audit(tx, ctx, { entityType: CLIENT_ENTITY, entityId: clientId, action: "client.site_updated", before, after, metadata: { siteId } });
    await refreshSearchText(tx, clientId);
    return siteView(site);
  });
}

export async function archiveSite(ctx: TenantContext, clientId: string, siteId: string): Promise<SiteView> {
  assertCan(ctx, "clients.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await findSite(tx, clientId, siteId);
    if (!current) throw notFound();
    if (current.archivedAt) return siteView(current);
    const site = await updateSiteRow(tx, siteId, { archivedAt: new Date() });
    await audit(tx, ctx, {
      entityType: CLIENT_ENTITY,
      entityId: clientId,
      action: "client.site_archived",
      before: { site: `${current.addressLine1}, ${current.postcode}`, archivedAt: null },
      after: { archivedAt: site.archivedAt },
      metadata: { siteId },
    });
    await refreshSearchText(tx, clientId);
    return siteView(site);
  });
}

// ---- notes ----

async function noteViews(notes: Note[]): Promise<NoteView[]> {
  const names = await findUserNames([...new Set(notes.map((n) => n.authorId).filter((x): x is string => !!x))]);
  return notes.map((n) => ({
    id: n.id,
    body: n.body,
    author: n.authorId ? { id: n.authorId, name: names.get(n.authorId) ?? "Former user" } : null,
    createdAt: n.createdAt.toISOString(),
  }));
}

export async function listNotes(ctx: TenantContext, clientId: string, q: PageQuery) {
  assertCan(ctx, "clients.view");
  await requireClient(ctx.db, clientId);
  const page = pageOf(await findNotes(ctx.db, clientId, q), q.limit);
  return { items: await noteViews(page.items), nextCursor: page.nextCursor };
}

export async function addNote(ctx: TenantContext, clientId: string, input: CreateNoteInput): Promise<NoteView> {
  assertCan(ctx, "clients.manage");
  const note = await ctx.db.$transaction(async (tx) => {
    await requireClient(tx, clientId);
    const n = await insertNote(tx, ctx.companyId, clientId, ctx.user.id, input.body);
    await audit(tx, ctx, { entityType: CLIENT_ENTITY, entityId: clientId, action: "client.note_added", metadata: { noteId: n.id } });
    return n;
  });
  return (await noteViews([note]))[0]!;
}

// ---- communication (the timeline is in client-timeline.ts) ----

/** Email sent to this client (quotes, invoices, reminders), newest first. */
export async function clientEmails(ctx: TenantContext, clientId: string, q: PageQuery): Promise<{ items: EmailHistoryItem[]; nextCursor: string | null }> {
  assertCan(ctx, "clients.view");
  await requireClient(ctx.db, clientId);
  const page = pageOf(await findEmailHistory(ctx.db, clientId, await findClientAddresses(ctx.db, clientId), q), q.limit);
  return {
    items: page.items.map((m) => ({ id: m.id, subject: m.subject, to: m.to, status: m.status, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null })),
    nextCursor: page.nextCursor,
  };
}
