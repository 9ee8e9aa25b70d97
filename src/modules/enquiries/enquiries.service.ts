/** Enquiries (leads): create, edit, move, assign, notes, attachments, timeline and conversion. */
import { refreshSearchText } from "@/modules/clients/clients.service.ts";
import { audit } from "@/server/audit/audit.ts";
import { createQuoteInTx } from "@/modules/quotes/quotes.service.ts";
import { assertCan, can, type TenantContext } from "@/server/context.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { conflict, notFound, validationFailed } from "@/server/errors/errors.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { storeUpload } from "@/modules/files/files.service.ts";
import type { FileView } from "@/modules/files/files.schema.ts";
import {
  findActiveStages,
  findBoardEnquiries,
  findEnquiries,
  findEnquiry,
  findEnquiryEvents,
  findNotes,
  findOfficeMembers,
  findStage,
  findUserNamesByIds,
  insertClientFromEnquiry,
  insertEnquiry,
  insertNote,
  insertSiteFromEnquiry,
  markConverted,
  updateEnquiry as updateEnquiryRow,
  type EnquiryRow,
} from "./enquiries.repo.ts";
import type {
  CreateEnquiryInput,
  EnquiryDetailView,
  EnquiryView,
  ListEnquiriesQuery,
  NoteView,
  OwnerOption,
  TimelineEntry,
  UpdateEnquiryInput,
} from "./enquiries.schema.ts";
import { ensureStages, ensureStagesIn } from "./pipeline.service.ts";
import { draftQuoteTitle } from "./draft-quote-title.ts";
import { enquirySearchText } from "./search-text.ts";

export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"] as const;

export function enquiryView(e: EnquiryRow, names: Map<string, string>): EnquiryView {
  return {
    id: e.id,
    source: e.source,
    name: e.name,
    email: e.email,
    phone: e.phone,
    addressLine1: e.addressLine1,
    town: e.town,
    postcode: e.postcode,
    description: e.description,
    valuePence: e.valuePence,
    stage: e.stage,
    owner: e.ownerId ? { id: e.ownerId, name: names.get(e.ownerId) ?? "Former member" } : null,
    clientId: e.clientId,
    siteId: e.siteId,
    convertedAt: e.convertedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

async function viewsOf(rows: EnquiryRow[]): Promise<EnquiryView[]> {
  const names = await findUserNamesByIds(rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])));
  return rows.map((r) => enquiryView(r, names));
}

async function viewOf(row: EnquiryRow): Promise<EnquiryView> {
  return (await viewsOf([row]))[0]!;
}

/** Who may own an enquiry: active admins and office staff. */
export async function listOwnerOptions(ctx: TenantContext): Promise<OwnerOption[]> {
  assertCan(ctx, "enquiries.manage");
  return (await findOfficeMembers(ctx.db)).map((m) => ({ id: m.id, name: m.name }));
}

async function assertOwner(tx: TenantTx, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const owners = await findOfficeMembers(tx);
  if (!owners.some((o) => o.id === ownerId)) throw validationFailed("Choose an owner from the list.", { ownerId: "Choose an active admin or office member" });
}

export async function listEnquiries(ctx: TenantContext, q: ListEnquiriesQuery) {
  assertCan(ctx, "enquiries.manage");
  const page = pageOf(await findEnquiries(ctx.db, q), q.limit);
  return { items: await viewsOf(page.items), nextCursor: page.nextCursor };
}

export const BOARD_LIMIT = 500;

/** The board: stages in order with their enquiries (newest first). */
export async function getBoard(ctx: TenantContext) {
  assertCan(ctx, "enquiries.manage");
  await ensureStages(ctx.db, ctx.companyId);
  const [stages, rows] = await Promise.all([findActiveStages(ctx.db), findBoardEnquiries(ctx.db, BOARD_LIMIT)]);
  const views = await viewsOf(rows);
  return {
    truncated: rows.length >= BOARD_LIMIT,
    columns: stages.map((s) => ({ stage: { id: s.id, name: s.name, colour: s.colour, isWon: s.isWon, isLost: s.isLost }, items: views.filter((v) => v.stage.id === s.id) })),
  };
}

export async function createEnquiry(ctx: TenantContext, input: CreateEnquiryInput): Promise<EnquiryView> {
  assertCan(ctx, "enquiries.manage");
  return ctx.db.$transaction(async (tx) => {
    await ensureStagesIn(tx, ctx.companyId);
    const stage = input.stageId ? await findStage(tx, input.stageId) : (await findActiveStages(tx))[0];
    if (!stage) throw validationFailed("Choose a stage from the list.", { stageId: "Choose a stage from the list" });
    await assertOwner(tx, input.ownerId);
    const { estimatedValue, stageId: _stage, ownerId, ...fields } = input;
    const row = await insertEnquiry(tx, {
      companyId: ctx.companyId,
      ...fields,
      email: fields.email ?? null,
      phone: fields.phone ?? null,
      addressLine1: fields.addressLine1 ?? null,
      town: fields.town ?? null,
      postcode: fields.postcode ?? null,
      valuePence: estimatedValue ?? null,
      ownerId: ownerId ?? null,
      stageId: stage.id,
      source: "MANUAL",
      searchText: enquirySearchText(fields),
    });
    await audit(tx, ctx, { entityType: "Enquiry", entityId: row.id, action: "enquiry.created", after: { ...fields, valuePence: row.valuePence, stage: stage.name, ownerId: row.ownerId, source: "MANUAL" } });
    return viewOf(row);
  });
}

async function loadEnquiry(tx: TenantTx, id: string): Promise<EnquiryRow> {
  const row = await findEnquiry(tx, id);
  if (!row) throw notFound();
  return row;
}

export async function updateEnquiry(ctx: TenantContext, id: string, input: UpdateEnquiryInput): Promise<EnquiryView> {
  assertCan(ctx, "enquiries.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await loadEnquiry(tx, id);
    const { estimatedValue, ...fields } = input;
    const wanted: Record<string, unknown> = { ...fields, ...(estimatedValue !== undefined ? { valuePence: estimatedValue } : {}) };
    const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => v !== undefined && (current as Record<string, unknown>)[k] !== v));
    if (Object.keys(changed).length === 0) return viewOf(current);
    const merged = { ...current, ...changed } as EnquiryRow;
    const row = await updateEnquiryRow(tx, id, { ...changed, searchText: enquirySearchText(merged) });
    const before = Object.fromEntries(Object.keys(changed).map((k) => [k, (current as Record<string, unknown>)[k]]));
    await audit(tx, ctx, { entityType: "Enquiry", entityId: id, action: "enquiry.updated", before, after: changed });
    return viewOf(row);
  });
}

export async function moveEnquiry(ctx: TenantContext, id: string, stageId: string): Promise<EnquiryView> {
  assertCan(ctx, "enquiries.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await loadEnquiry(tx, id);
    const stage = await findStage(tx, stageId);
    if (!stage) throw validationFailed("Choose a stage from the list.", { stageId: "Choose a stage from the list" });
    if (stage.id === current.stageId) return viewOf(current);
    const row = await updateEnquiryRow(tx, id, { stageId: stage.id });
    await audit(tx, ctx, {
      entityType: "Enquiry",
      entityId: id,
      action: "enquiry.stage_changed",
      before: { stageId: current.stageId, stage: current.stage.name },
      after: { stageId: stage.id, stage: stage.name },
    });
    return viewOf(row);
  });
}

export async function assignEnquiry(ctx: TenantContext, id: string, ownerId: string | null): Promise<EnquiryView> {
  assertCan(ctx, "enquiries.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await loadEnquiry(tx, id);
    await assertOwner(tx, ownerId);
    if (current.ownerId === ownerId) return viewOf(current);
    const row = await updateEnquiryRow(tx, id, { ownerId });
    const names = await findUserNamesByIds([current.ownerId, ownerId].filter((v): v is string => !!v));
    await audit(tx, ctx, {
      entityType: "Enquiry",
      entityId: id,
      action: "enquiry.owner_changed",
      before: { ownerId: current.ownerId, owner: current.ownerId ? (names.get(current.ownerId) ?? null) : null },
      after: { ownerId, owner: ownerId ? (names.get(ownerId) ?? null) : null },
    });
    return viewOf(row);
  });
}

export async function addNote(ctx: TenantContext, id: string, body: string): Promise<NoteView> {
  assertCan(ctx, "enquiries.manage");
  return ctx.db.$transaction(async (tx) => {
    await loadEnquiry(tx, id);
    const note = await insertNote(tx, ctx.companyId, { entityId: id, authorId: ctx.user.id, body });
    await audit(tx, ctx, { entityType: "Enquiry", entityId: id, action: "enquiry.note_added", metadata: { noteId: note.id } });
    return { id: note.id, body: note.body, authorName: ctx.user.name, createdAt: note.createdAt.toISOString() };
  });
}

/** Stores a photo or PDF for the enquiry (type from the bytes) and records it on the timeline. */
export async function addAttachment(ctx: TenantContext, id: string, file: { content: Buffer; fileName: string }): Promise<FileView> {
  assertCan(ctx, "enquiries.manage");
  const enquiry = await findEnquiry(ctx.db, id);
  if (!enquiry) throw notFound();
  const stored = await storeUpload(ctx, { ...file, entityType: "Enquiry", entityId: id, allowed: ATTACHMENT_TYPES });
  await audit(ctx.db, ctx, { entityType: "Enquiry", entityId: id, action: "enquiry.attachment_added", metadata: { fileId: stored.id, fileName: stored.fileName } });
  return stored;
}

function describeEvent(action: string, before: unknown, after: unknown, metadata: unknown): Pick<TimelineEntry, "kind" | "text"> | null {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const m = (metadata ?? {}) as Record<string, unknown>;
  switch (action) {
    case "enquiry.created":
      return { kind: "created", text: a.source === "PUBLIC_FORM" ? "Enquiry received through the website form" : "Enquiry created" };
    case "enquiry.updated":
      return { kind: "updated", text: `Details edited (${Object.keys(a).join(", ")})` };
    case "enquiry.stage_changed":
      return { kind: "stage_changed", text: `Moved from ${String(b.stage ?? "?")} to ${String(a.stage ?? "?")}` };
    case "enquiry.owner_changed":
      return { kind: "owner_changed", text: a.owner ? `Assigned to ${String(a.owner)}` : "Owner removed" };
    case "enquiry.note_added":
      return { kind: "note_added", text: "Note added" };
    case "enquiry.attachment_added":
      return { kind: "attachment_added", text: `Attached ${String(m.fileName ?? "a file")}` };
    case "enquiry.converted":
      return { kind: "converted", text: a.siteId ? "Converted to a client with a site" : "Converted to a client" };
    default:
      return null;
  }
}

export async function getEnquiry(ctx: TenantContext, id: string): Promise<EnquiryDetailView> {
  assertCan(ctx, "enquiries.manage");
  const row = await findEnquiry(ctx.db, id);
  if (!row) throw notFound();
  const [notes, events] = await Promise.all([findNotes(ctx.db, id), findEnquiryEvents(ctx.db, id)]);
  const names = await findUserNamesByIds([
    ...(row.ownerId ? [row.ownerId] : []),
    ...notes.flatMap((n) => (n.authorId ? [n.authorId] : [])),
    ...events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
  ]);
  const noteById = new Map(notes.map((n) => [n.id, n]));
  const timeline: TimelineEntry[] = events.flatMap((e) => {
    const d = describeEvent(e.action, e.before, e.after, e.metadata);
    if (!d) return [];
    const noteId = (e.metadata as Record<string, unknown> | null)?.noteId;
    const note = typeof noteId === "string" ? noteById.get(noteId) : undefined;
    const text = note ? `Note: ${note.body.length > 140 ? `${note.body.slice(0, 140)}…` : note.body}` : d.text;
    return [{ id: e.id, at: e.createdAt.toISOString(), kind: d.kind, text, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null }];
  });
  return {
    ...enquiryView(row, names),
    notes: notes.map((n) => ({ id: n.id, body: n.body, authorName: n.authorId ? (names.get(n.authorId) ?? null) : null, createdAt: n.createdAt.toISOString() })),
    timeline,
  };
}

/**
 * Converts an enquiry into a client (a person), a site when the address is complete, and a draft
 * quote (titled from the description, linked to the enquiry and the site) in one transaction;
 * links them on the enquiry. Happens once: a second conversion is a 409. Someone who can't manage
 * quotes gets the client and site only. Moves the enquiry to the won stage only when asked.
 */
export async function convertEnquiry(ctx: TenantContext, id: string, opts: { markWon: boolean }) {
  assertCan(ctx, "enquiries.manage");
  const withQuote = can(ctx, "quotes.manage");
  return ctx.db.$transaction(async (tx) => {
    const e = await loadEnquiry(tx, id);
    if (e.convertedAt) throw conflict("This enquiry has already been converted.");
    let wonStageId: string | undefined;
    if (opts.markWon) {
      const won = (await findActiveStages(tx)).find((s) => s.isWon);
      if (!won) throw conflict("There is no won stage. Mark one as won in Settings → Pipeline first.");
      wonStageId = won.id;
    }
    const client = await insertClientFromEnquiry(tx, ctx.companyId, { name: e.name, email: e.email, phone: e.phone, searchText: "" });
    const site =
      e.addressLine1 && e.town && e.postcode
        ? await insertSiteFromEnquiry(tx, ctx.companyId, { clientId: client.id, addressLine1: e.addressLine1, town: e.town, postcode: e.postcode })
        : null;
    // The clients area owns what its search matches (postcodes with and without the space, contacts).
    await refreshSearchText(tx, client.id);
    const ok = await markConverted(tx, id, { clientId: client.id, siteId: site?.id ?? null, convertedAt: new Date(), ...(wonStageId ? { stageId: wonStageId } : {}) });
    if (!ok) throw conflict("This enquiry has already been converted.");
    await audit(tx, ctx, { entityType: "Client", entityId: client.id, action: "client.created", after: { name: e.name, email: e.email, phone: e.phone, fromEnquiryId: id } });
    if (site) await audit(tx, ctx, { entityType: "Site", entityId: site.id, action: "site.created", after: { clientId: client.id, addressLine1: site.addressLine1, town: site.town, postcode: site.postcode } });
    const quote = withQuote
      ? await createQuoteInTx(tx, ctx, { clientId: client.id, siteId: site?.id ?? null, enquiryId: id, title: draftQuoteTitle(e.description, e.name), lines: [] }, new Date(), { fromEnquiryId: id })
      : null;
    await audit(tx, ctx, {
      entityType: "Enquiry",
      entityId: id,
      action: "enquiry.converted",
      before: { stage: e.stage.name },
      after: { clientId: client.id, siteId: site?.id ?? null, quoteId: quote?.id ?? null, ...(wonStageId ? { stageId: wonStageId } : {}) },
    });
    if (wonStageId && wonStageId !== e.stageId) {
      const won = await findStage(tx, wonStageId);
      await audit(tx, ctx, { entityType: "Enquiry", entityId: id, action: "enquiry.stage_changed", before: { stageId: e.stageId, stage: e.stage.name }, after: { stageId: wonStageId, stage: won?.name ?? "Won" } });
    }
    const row = await loadEnquiry(tx, id);
    return { enquiry: await viewOf(row), clientId: client.id, siteId: site?.id ?? null, quoteId: quote?.id ?? null, quoteNumber: quote?.number ?? null };
  });
}
