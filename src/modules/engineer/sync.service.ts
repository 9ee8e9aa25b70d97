/**
 * The offline sync: a batch of actions taken on the engineer's device, in device order. Each one
 * is applied through the jobs, checklists and time services inside its own transaction, together
 * with its SyncAction row (unique per company by the device's clientActionId), so:
 *  - a replayed action (the same id again: a retry, a second tab, a lost response) returns its
 *    recorded outcome and changes nothing; two concurrent copies serialise on the unique index and
 *    the loser's work is rolled back;
 *  - an action the office made impossible meanwhile (job cancelled, already completed, no longer
 *    assigned) is a `conflict` with a message for the engineer; a malformed one is `rejected`;
 *  - a failure that isn't the action's fault (database down) stops the batch with that error:
 *    what was applied stays applied and recorded, and the device sends the rest again later.
 */
import type { ZodError } from "zod";
import type { SyncActionStatus } from "@/generated/prisma/client.ts";
import { setChecklistItem } from "@/modules/checklists/checklists.service.ts";
import { assertJobAccess } from "@/modules/jobs/job-access.ts";
import { addJobNote, addJobPhoto, completeJob, transitionJob } from "@/modules/jobs/jobs.service.ts";
import { clockIn, clockOut, endBreak, startBreak } from "@/modules/time/time.service.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { AppError, conflict } from "@/server/errors/errors.ts";
import { classifyError } from "@/server/errors/classify.ts";
import { SYNC_ACTION_LABELS, syncAction, type SyncAction, type SyncOutcome, type SyncResponse, type SyncResult } from "./engineer.schema.ts";
import { findRunningEntry, findSyncAction, insertSyncAction } from "./sync.repo.ts";

/** The same words for a missing job, another company's and one that isn't (or no longer is) theirs. */
export const NOT_AVAILABLE = "This job isn't available to you any more: it may have been reassigned or removed. Call the office.";
/** Device clocks drift: an action "from the future" is recorded as happening now. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

type Outcome = { outcome: SyncOutcome; message: string | null };

const STATUS: Record<SyncOutcome, SyncActionStatus> = { applied: "APPLIED", conflict: "CONFLICT", rejected: "REJECTED" };
const OUTCOME: Record<SyncActionStatus, SyncOutcome> = { APPLIED: "applied", CONFLICT: "conflict", REJECTED: "rejected" };

/**
 * The context with its database bound to one open transaction: the services' own
 * `ctx.db.$transaction(fn)` runs `fn` inside it, so the action and its SyncAction row commit or
 * roll back together.
 */
function boundTo(ctx: TenantContext, tx: TenantTx): TenantContext {
  const db = new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "$transaction") {
        return (arg: unknown) => (typeof arg === "function" ? (arg as (t: TenantTx) => Promise<unknown>)(tx) : Promise.all(arg as Promise<unknown>[]));
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { ...ctx, db: db as unknown as TenantContext["db"] };
}

/** Checks the office hasn't made the action impossible, with a message the engineer understands. */
async function precheck(ctx: TenantContext, a: SyncAction) {
  const job = await assertJobAccess(ctx, a.jobId, "act");
  const what = SYNC_ACTION_LABELS[a.type].toLowerCase();
  if (job.status === "CANCELLED") {
    // Closing a running clock or break is still recorded: the time was worked.
    if (a.type === "time.clockOut" || a.type === "time.breakEnd") return;
    throw conflict(`${job.number} was cancelled by the office${job.cancelledReason ? ` (${job.cancelledReason})` : ""}: your ${what} wasn't saved.`);
  }
  if ((job.status === "COMPLETED" || job.status === "INVOICED") && a.type !== "note.add" && a.type !== "photo.add" && a.type !== "time.clockOut" && a.type !== "time.breakEnd") {
    throw conflict(`${job.number} is already completed: your ${what} wasn't saved.`);
  }
}

async function runningEntryId(ctx: TenantContext, jobId: string): Promise<string> {
  const entry = await findRunningEntry(ctx.db, ctx.user.id, jobId);
  if (!entry) throw conflict("Your clock isn't running on this job (it may have been stopped from another device or by the office).");
  return entry.id;
}

async function apply(ctx: TenantContext, a: SyncAction, occurredAt: Date): Promise<void> {
  switch (a.type) {
    case "checklist.set":
      await setChecklistItem(ctx, a.payload.itemId, a.payload.done, { occurredAt, jobId: a.jobId });
      return;
    case "note.add":
      await addJobNote(ctx, a.jobId, a.payload.body, { occurredAt });
      return;
    case "photo.add":
      await addJobPhoto(ctx, a.jobId, { data: a.payload.dataUrl, fileName: a.payload.fileName ?? "photo", caption: a.payload.caption ?? null, takenAt: occurredAt });
      return;
    case "time.clockIn":
      await clockIn(ctx, { jobId: a.jobId, occurredAt });
      return;
    case "time.clockOut":
      await clockOut(ctx, { timeEntryId: await runningEntryId(ctx, a.jobId), occurredAt });
      return;
    case "time.breakStart":
      await startBreak(ctx, { timeEntryId: await runningEntryId(ctx, a.jobId), occurredAt });
      return;
    case "time.breakEnd":
      await endBreak(ctx, { timeEntryId: await runningEntryId(ctx, a.jobId), occurredAt });
      return;
    case "job.start":
      await transitionJob(ctx, a.jobId, "IN_PROGRESS", { occurredAt });
      return;
    case "job.complete":
      await completeJob(ctx, a.jobId, { signerName: a.payload.signerName, signatureDataUrl: a.payload.signatureDataUrl, occurredAt });
      return;
  }
}

/** What the engineer is told when an action can't be applied; null when the failure is transient. */
function outcomeOf(err: unknown): Outcome | null {
  const e = err instanceof AppError ? err : classifyError(err);
  switch (e.code) {
    case "NOT_FOUND":
      return { outcome: "conflict", message: NOT_AVAILABLE };
    case "CONFLICT":
      return { outcome: "conflict", message: e.message };
    case "BAD_REQUEST":
    case "VALIDATION_FAILED":
    case "FORBIDDEN": {
      const fields = Object.values(e.details.fields ?? {});
      return { outcome: "rejected", message: fields.length && !fields.includes(e.message) ? `${e.message} ${fields.join(". ")}.` : e.message };
    }
    default:
      return null;
  }
}

function zodMessage(error: ZodError): string {
  const first = error.issues[0];
  if (!first) return "This action is not valid.";
  if (first.code === "invalid_union" || first.path[0] === "type") return "This kind of action isn't known to the server. Update the app.";
  return first.message;
}

function result(clientActionId: string, o: Outcome, replayed: boolean): SyncResult {
  return { clientActionId, outcome: o.outcome, message: o.message, replayed };
}

/** A recorded action, answered again. Someone else's id (not a real device's) tells nothing about it. */
function replay(ctx: TenantContext, row: { userId: string; status: SyncActionStatus; result: unknown }, clientActionId: string): SyncResult {
  if (row.userId !== ctx.user.id) return result(clientActionId, { outcome: "rejected", message: "This action id was already used." }, true);
  const message = (row.result as { message?: string | null } | null)?.message ?? null;
  return result(clientActionId, { outcome: OUTCOME[row.status], message }, true);
}

async function record(ctx: TenantContext, a: { clientActionId: string; jobId: string | null; type: string; occurredAt: Date }, o: Outcome): Promise<SyncResult> {
  try {
    await insertSyncAction(ctx.db, {
      companyId: ctx.companyId,
      clientActionId: a.clientActionId,
      userId: ctx.user.id,
      jobId: a.jobId,
      type: a.type,
      status: STATUS[o.outcome],
      result: { message: o.message },
      occurredAt: a.occurredAt,
    });
    return result(a.clientActionId, o, false);
  } catch (err) {
    // A concurrent copy recorded it first: answer with what it recorded.
    const existing = await findSyncAction(ctx.db, a.clientActionId);
    if (existing) return replay(ctx, existing, a.clientActionId);
    throw err;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function syncOne(ctx: TenantContext, raw: Record<string, unknown> & { clientActionId: string }, now: Date): Promise<SyncResult> {
  const clientActionId = raw.clientActionId;
  const recorded = await findSyncAction(ctx.db, clientActionId);
  if (recorded) return replay(ctx, recorded, clientActionId);

  const parsed = syncAction.safeParse(raw);
  if (!parsed.success) {
    const jobId = typeof raw.jobId === "string" && UUID.test(raw.jobId) ? raw.jobId : null;
    const type = typeof raw.type === "string" ? raw.type.slice(0, 40) : "unknown";
    return record(ctx, { clientActionId, jobId, type, occurredAt: now }, { outcome: "rejected", message: zodMessage(parsed.error) });
  }
  const a = parsed.data;
  const occurredAt = new Date(Math.min(Date.parse(a.occurredAt), now.getTime() + MAX_CLOCK_SKEW_MS));
  const meta = { clientActionId, jobId: a.jobId, type: a.type, occurredAt };
  try {
    await ctx.db.$transaction(
      async (tx) => {
        // Claim the id first: a concurrent copy of this action waits here, then fails on the unique index.
        await insertSyncAction(tx, { ...meta, companyId: ctx.companyId, userId: ctx.user.id, status: "APPLIED", result: { message: null } });
        const bound = boundTo(ctx, tx);
        await precheck(bound, a);
        await apply(bound, a, occurredAt);
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
    return result(clientActionId, { outcome: "applied", message: null }, false);
  } catch (err) {
    const existing = await findSyncAction(ctx.db, clientActionId);
    if (existing) return replay(ctx, existing, clientActionId);
    const o = outcomeOf(err);
    if (!o) throw err;
    return record(ctx, meta, o);
  }
}

/** Applies the device's actions in order; one result per action, in the same order. */
export async function syncActions(ctx: TenantContext, actions: ReadonlyArray<Record<string, unknown> & { clientActionId: string }>): Promise<SyncResponse> {
  assertCan(ctx, "jobs.view.assigned");
  const now = new Date();
  const results: SyncResult[] = [];
  const seen = new Set<string>();
  for (const raw of actions) {
    if (seen.has(raw.clientActionId)) {
      // The same id twice in one batch: the second is a replay of the first.
      const first = results.find((r) => r.clientActionId === raw.clientActionId)!;
      results.push({ ...first, replayed: true });
      continue;
    }
    seen.add(raw.clientActionId);
    results.push(await syncOne(ctx, raw, now));
  }
  return { results };
}
