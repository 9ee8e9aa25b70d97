/**
 * The client page's ONE timeline: everything that happened with a client, newest first, merged
 * from a list of sources. Each source is a function returning timeline entries for a client (it
 * reads through its own module's repo, tenant-scoped by ctx.db) and may name the capability its
 * entries need; a viewer without it simply doesn't get that source.
 *
 * Adding a source (e.g. jobs or invoices) is one line in CLIENT_TIMELINE_SOURCES plus its import:
 * write `export const jobsTimelineSource: TimelineSource = { name: "jobs", capability: "jobs.view",
 * load: async (ctx, clientId, limit) => [...] }` in src/modules/jobs/jobs.timeline.ts, returning
 * `{ kind: "item", id, at, source, actor, title, href?, status?, body? }` entries (ids unique
 * across sources, e.g. "job-completed:<jobId>"; `at` an ISO time; `title` reads after the actor's
 * name: "completed job JOB-00017"; `status.value` a StatusBadge status).
 */
import { listAuditEvents } from "@/modules/audit/audit.service.ts";
import type { AuditEventView } from "@/modules/audit/audit.schema.ts";
import type { Capability } from "@/modules/identity/permissions.ts";
import { quotesTimelineSource } from "@/modules/quotes/quotes.timeline.ts";
import { jobsTimelineSource } from "@/modules/jobs/jobs.timeline.ts";
import { invoicesTimelineSource } from "@/modules/invoices/invoices.timeline.ts";
import { assertCan, can, type TenantContext } from "@/server/context.ts";
import { notFound } from "@/server/errors/errors.ts";
import { findClientAddresses, findClientBare, findEmailHistory } from "./clients.repo.ts";
import type { NoteView } from "./clients.schema.ts";
import { CLIENT_ENTITY, listNotes } from "./clients.service.ts";

/** Something that happened, as any source describes it. */
export type TimelineItem = {
  kind: "item";
  /** Unique across all sources, e.g. "quote-sent:<versionId>". */
  id: string;
  /** ISO time it happened. */
  at: string;
  /** Which source it came from ("quotes", "emails", "jobs", ...). */
  source: string;
  /** Who did it (a user, the signer, "The client"), or null for the system. */
  actor: string | null;
  /** What they did, read after the actor: "sent quote Q-00042 for £1,200.00". */
  title: string;
  href?: string | null;
  /** A StatusBadge status and its words. */
  status?: { value: string; label: string } | null;
  /** Longer text shown beneath (a comment, who an email went to). */
  body?: string | null;
};

export type TimelineEntry =
  | { kind: "event"; id: string; at: string; event: AuditEventView }
  | { kind: "note"; id: string; at: string; note: NoteView }
  | TimelineItem;

export type TimelineSource = {
  name: string;
  /** The capability a viewer needs to see this source's entries (besides clients.view). */
  capability?: Capability;
  /** Up to `limit` of the client's most recent entries from this source (the client exists and belongs to ctx's company). */
  load: (ctx: TenantContext, clientId: string, limit: number) => Promise<TimelineEntry[]>;
};

/** The client's own audit events (details, contacts, sites, archive); a note's "note added" event is left out: the note stands for it. */
export const auditTimelineSource: TimelineSource = {
  name: "audit",
  capability: "audit.view",
  async load(ctx, clientId, limit) {
    const events = (await listAuditEvents(ctx, { entityType: CLIENT_ENTITY, entityId: clientId, limit })).items;
    return events.filter((e) => e.action !== "client.note_added").map((event) => ({ kind: "event" as const, id: `audit:${event.id}`, at: event.createdAt, event }));
  },
};

export const notesTimelineSource: TimelineSource = {
  name: "notes",
  async load(ctx, clientId, limit) {
    const notes = (await listNotes(ctx, clientId, { limit })).items;
    return notes.map((note) => ({ kind: "note" as const, id: `note:${note.id}`, at: note.createdAt, note }));
  },
};

const EMAIL_STATUS: Record<string, { value: string; label: string }> = {
  QUEUED: { value: "scheduled", label: "Queued" },
  SENT: { value: "sent", label: "Sent" },
  SKIPPED: { value: "void", label: "Skipped" },
  FAILED: { value: "failed", label: "Failed" },
};

/** Every email to the client (the same set as the communication tab). */
export const emailsTimelineSource: TimelineSource = {
  name: "emails",
  async load(ctx, clientId, limit) {
    const emails = await findEmailHistory(ctx.db, clientId, await findClientAddresses(ctx.db, clientId), { limit });
    return emails.map((m) => ({
      kind: "item" as const,
      id: `email:${m.id}`,
      at: (m.sentAt ?? m.createdAt).toISOString(),
      source: "emails",
      actor: null,
      title: `emailed “${m.subject}”`,
      status: EMAIL_STATUS[m.status] ?? null,
      body: `To ${m.to.join(", ")}`,
      href: `/admin/clients/${clientId}?tab=communication`,
    }));
  },
};

/** The sources, in no particular order (entries are merged by time). Jobs and invoices add theirs here. */
export const CLIENT_TIMELINE_SOURCES: readonly TimelineSource[] = [auditTimelineSource, notesTimelineSource, quotesTimelineSource, jobsTimelineSource, invoicesTimelineSource, emailsTimelineSource];

export const TIMELINE_LIMIT = 50;

/** Merges entry lists newest first (ties: the larger id first, so the order is stable), one per id, at most `limit`. Pure. */
export function mergeTimeline(lists: readonly TimelineEntry[][], limit = TIMELINE_LIMIT): TimelineEntry[] {
  const byId = new Map<string, TimelineEntry>();
  for (const list of lists) for (const e of list) if (!byId.has(e.id)) byId.set(e.id, e);
  const time = (e: TimelineEntry) => Date.parse(e.at);
  return [...byId.values()].sort((a, b) => time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, limit);
}

/** The client's timeline: every source the viewer may see, merged newest first. */
export async function clientTimeline(ctx: TenantContext, clientId: string, opts: { limit?: number; sources?: readonly TimelineSource[] } = {}): Promise<TimelineEntry[]> {
  assertCan(ctx, "clients.view");
  if (!(await findClientBare(ctx.db, clientId))) throw notFound();
  const limit = opts.limit ?? TIMELINE_LIMIT;
  const sources = (opts.sources ?? CLIENT_TIMELINE_SOURCES).filter((s) => !s.capability || can(ctx, s.capability));
  return mergeTimeline(await Promise.all(sources.map((s) => s.load(ctx, clientId, limit))), limit);
}
