/**
 * Pure logic of the device's outbox: how queued actions change the job the engineer sees before
 * they reach the server (optimistic view), how the queue is cut into requests, and what the
 * server's per-action results mean for the queue. No I/O: used by the browser, unit-tested.
 */
import type { EngineerJob, EngineerJobStatus, EngineerJobSummary, SyncAction, SyncActionType, SyncResult } from "../engineer.schema.ts";

/** One action waiting on the device, in the order it was taken (`seq` is the IndexedDB key). */
export type OutboxEntry = {
  seq?: number;
  clientActionId: string;
  jobId: string;
  type: SyncActionType;
  occurredAt: string;
  payload: SyncAction["payload"];
  queuedAt: string;
  attempts: number;
};

/** A conflicted or rejected action the engineer must see (and dismiss) on the device. */
export type SyncProblem = {
  clientActionId: string;
  jobId: string;
  type: SyncActionType;
  outcome: "conflict" | "rejected";
  message: string;
  occurredAt: string;
  reportedAt: string;
  /** e.g. "JOB-00017 · Rewire kitchen", when the job was known on the device. */
  jobLabel: string | null;
};

type Pending = { pending?: boolean };
export type EngineerJobView = Omit<EngineerJob, "checklists" | "notes" | "photos" | "time" | "completion"> & {
  checklists: Array<Omit<EngineerJob["checklists"][number], "items"> & { items: Array<EngineerJob["checklists"][number]["items"][number] & Pending> }>;
  notes: Array<EngineerJob["notes"][number] & Pending>;
  photos: Array<EngineerJob["photos"][number] & Pending>;
  time: {
    running: (NonNullable<EngineerJob["time"]["running"]> & Pending) | null;
    entries: Array<EngineerJob["time"]["entries"][number] & Pending>;
  };
  completion: (NonNullable<EngineerJob["completion"]> & Pending) | null;
  /** Actions for this job still on the device. */
  pendingCount: number;
};

const minutesBetween = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

/** Open (not finished) statuses in which an engineer can still work on the job. */
export function isWorkable(status: EngineerJobStatus): boolean {
  return status === "SCHEDULED" || status === "IN_PROGRESS" || status === "ON_HOLD";
}

/**
 * The job as the engineer should see it: the server's copy with every queued action for it laid
 * on top, in device order. Items changed only on the device are marked `pending`.
 */
export function applyPending(job: EngineerJob, outbox: ReadonlyArray<OutboxEntry>): EngineerJobView {
  const view: EngineerJobView = {
    ...job,
    checklists: job.checklists.map((c) => ({ ...c, items: c.items.map((i) => ({ ...i })) })),
    notes: [...job.notes],
    photos: [...job.photos],
    time: { running: job.time.running ? { ...job.time.running } : null, entries: [...job.time.entries] },
    completion: job.completion ? { ...job.completion } : null,
    pendingCount: 0,
  };
  for (const a of outbox) {
    if (a.jobId !== job.id) continue;
    view.pendingCount++;
    switch (a.type) {
      case "checklist.set": {
        const p = a.payload as { itemId: string; done: boolean };
        for (const c of view.checklists) {
          for (const item of c.items) {
            if (item.id !== p.itemId) continue;
            item.done = p.done;
            item.completedAt = p.done ? a.occurredAt : null;
            item.pending = true;
          }
        }
        break;
      }
      case "note.add": {
        const p = a.payload as { body: string };
        view.notes.push({ id: a.clientActionId, body: p.body, authorName: null, createdAt: a.occurredAt, pending: true });
        break;
      }
      case "photo.add": {
        const p = a.payload as { dataUrl: string; caption?: string | null };
        view.photos.push({ id: a.clientActionId, url: p.dataUrl, caption: p.caption ?? null, takenAt: a.occurredAt, pending: true });
        break;
      }
      case "time.clockIn":
        if (!view.time.running) view.time.running = { startedAt: a.occurredAt, breakStartedAt: null, breakMinutes: 0, pending: true };
        if (view.status === "SCHEDULED") view.status = "IN_PROGRESS";
        break;
      case "time.breakStart":
        if (view.time.running && !view.time.running.breakStartedAt) view.time.running = { ...view.time.running, breakStartedAt: a.occurredAt, pending: true };
        break;
      case "time.breakEnd":
        if (view.time.running?.breakStartedAt) {
          const r = view.time.running;
          view.time.running = { ...r, breakMinutes: r.breakMinutes + minutesBetween(r.breakStartedAt!, a.occurredAt), breakStartedAt: null, pending: true };
        }
        break;
      case "time.clockOut":
        if (view.time.running) {
          const r = view.time.running;
          const breakMinutes = r.breakMinutes + (r.breakStartedAt ? minutesBetween(r.breakStartedAt, a.occurredAt) : 0);
          view.time.entries.push({ id: a.clientActionId, startedAt: r.startedAt, endedAt: a.occurredAt, breakMinutes, pending: true });
          view.time.running = null;
        }
        break;
      case "job.start":
        if (view.status === "SCHEDULED" || view.status === "ON_HOLD") view.status = "IN_PROGRESS";
        break;
      case "job.complete": {
        const p = a.payload as { signerName: string };
        if (isWorkable(view.status)) {
          view.status = "COMPLETED";
          view.completion = { completedAt: a.occurredAt, signerName: p.signerName, pending: true };
        }
        break;
      }
    }
  }
  return view;
}

/** A list entry's status with the device's queued start/completion applied. */
export function summaryWithPending(job: EngineerJobSummary, outbox: ReadonlyArray<OutboxEntry>): EngineerJobSummary & { pendingCount: number } {
  let status = job.status;
  let pendingCount = 0;
  for (const a of outbox) {
    if (a.jobId !== job.id) continue;
    pendingCount++;
    if ((a.type === "job.start" || a.type === "time.clockIn") && (status === "SCHEDULED" || status === "ON_HOLD")) status = "IN_PROGRESS";
    if (a.type === "job.complete" && isWorkable(status)) status = "COMPLETED";
  }
  return { ...job, status, pendingCount };
}

/** Required checklist items still open in this view (completion is refused while any are). */
export function openRequiredItems(view: Pick<EngineerJobView, "checklists">): string[] {
  return view.checklists.flatMap((c) => c.items.filter((i) => i.required && !i.done).map((i) => i.label));
}

/** Rough size on the wire of one action (photos dominate). */
export function entrySize(e: OutboxEntry): number {
  return JSON.stringify(e.payload).length + 200;
}

/**
 * The next request: the oldest actions, in order, up to `maxActions` and about `maxBytes`
 * (always at least one, so a single large photo still goes on its own).
 */
export function nextBatch(outbox: ReadonlyArray<OutboxEntry>, maxActions: number, maxBytes: number): OutboxEntry[] {
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const e of outbox) {
    const size = entrySize(e);
    if (batch.length > 0 && (batch.length >= maxActions || bytes + size > maxBytes)) break;
    batch.push(e);
    bytes += size;
  }
  return batch;
}

/** What the device does with the server's answer to a batch. */
export type Reconciliation = {
  /** Leave the outbox (applied, conflicted or rejected: the server has decided). */
  done: string[];
  /** To show the engineer until dismissed. */
  problems: SyncProblem[];
  /** Sent but not answered (should not happen): stay queued and go again. */
  unanswered: string[];
};

export function reconcile(
  batch: ReadonlyArray<OutboxEntry>,
  results: ReadonlyArray<SyncResult>,
  jobLabel: (jobId: string) => string | null,
  now: Date = new Date(),
): Reconciliation {
  const byId = new Map(results.map((r) => [r.clientActionId, r]));
  const out: Reconciliation = { done: [], problems: [], unanswered: [] };
  for (const e of batch) {
    const r = byId.get(e.clientActionId);
    if (!r) {
      out.unanswered.push(e.clientActionId);
      continue;
    }
    out.done.push(e.clientActionId);
    if (r.outcome !== "applied") {
      out.problems.push({
        clientActionId: e.clientActionId,
        jobId: e.jobId,
        type: e.type,
        outcome: r.outcome,
        message: r.message ?? (r.outcome === "conflict" ? "The office changed this job meanwhile." : "This action was not accepted."),
        occurredAt: e.occurredAt,
        reportedAt: now.toISOString(),
        jobLabel: jobLabel(e.jobId),
      });
    }
  }
  return out;
}

/** Delay before the next automatic retry after `failures` failed attempts in a row (capped). */
export function retryDelayMs(failures: number): number {
  return Math.min(60_000, 5_000 * 2 ** Math.max(0, failures - 1));
}
