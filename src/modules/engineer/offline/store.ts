/**
 * The engineer's device store (IndexedDB through `idb`): the cached job list and job details
 * (whatever the server last said), the outbox of actions taken on the device, in order, and the
 * problems (conflicts, rejections) the engineer hasn't dismissed yet. Browser only.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { EngineerJob, EngineerJobList } from "../engineer.schema.ts";
import type { OutboxEntry, SyncProblem } from "./optimistic.ts";

const DB_NAME = "quantract-engineer";
const DB_VERSION = 1;

interface EngineerDb extends DBSchema {
  meta: { key: string; value: { key: string; value: unknown } };
  jobs: { key: string; value: EngineerJob };
  outbox: { key: number; value: OutboxEntry; indexes: { byClientActionId: string; byJob: string } };
  problems: { key: string; value: SyncProblem };
}

export type Owner = { userId: string; companyId: string };

let dbPromise: Promise<IDBPDatabase<EngineerDb>> | null = null;

export function engineerDb(): Promise<IDBPDatabase<EngineerDb>> {
  dbPromise ??= openDB<EngineerDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore("meta", { keyPath: "key" });
      db.createObjectStore("jobs", { keyPath: "id" });
      const outbox = db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
      outbox.createIndex("byClientActionId", "clientActionId", { unique: true });
      outbox.createIndex("byJob", "jobId");
      db.createObjectStore("problems", { keyPath: "clientActionId" });
    },
  });
  return dbPromise;
}

/**
 * The device's data belongs to one person in one company. When someone else signs in on it,
 * everything of the previous owner is dropped (their queue can't be sent as someone else; the
 * More screen warns before signing out with actions still waiting).
 */
export async function claimForOwner(owner: Owner): Promise<{ changed: boolean }> {
  const db = await engineerDb();
  const current = (await db.get("meta", "owner"))?.value as Owner | undefined;
  if (current && current.userId === owner.userId && current.companyId === owner.companyId) return { changed: false };
  const tx = db.transaction(["meta", "jobs", "outbox", "problems"], "readwrite");
  await Promise.all([tx.objectStore("jobs").clear(), tx.objectStore("outbox").clear(), tx.objectStore("problems").clear(), tx.objectStore("meta").clear()]);
  await tx.objectStore("meta").put({ key: "owner", value: owner });
  await tx.done;
  return { changed: current !== undefined };
}

export async function readJobList(): Promise<EngineerJobList | null> {
  const row = await (await engineerDb()).get("meta", "jobList");
  return (row?.value as EngineerJobList | undefined) ?? null;
}

/** Keeps the newer of the stored list and `list` (by the server's fetchedAt). */
export async function saveJobList(list: EngineerJobList): Promise<EngineerJobList> {
  const db = await engineerDb();
  const tx = db.transaction("meta", "readwrite");
  const current = (await tx.store.get("jobList"))?.value as EngineerJobList | undefined;
  const keep = current && current.fetchedAt > list.fetchedAt ? current : list;
  if (keep === list) await tx.store.put({ key: "jobList", value: list });
  await tx.done;
  return keep;
}

export async function readJob(id: string): Promise<EngineerJob | null> {
  return (await (await engineerDb()).get("jobs", id)) ?? null;
}

export async function readJobs(): Promise<EngineerJob[]> {
  return (await engineerDb()).getAll("jobs");
}

/** Keeps the newer of the stored job and `job` (by the server's fetchedAt). */
export async function saveJob(job: EngineerJob): Promise<EngineerJob> {
  const db = await engineerDb();
  const tx = db.transaction("jobs", "readwrite");
  const current = await tx.store.get(job.id);
  const keep = current && current.fetchedAt > job.fetchedAt ? current : job;
  if (keep === job) await tx.store.put(job);
  await tx.done;
  return keep;
}

/** Drops cached jobs that are no longer assigned (and have nothing queued). */
export async function pruneJobs(keepIds: ReadonlySet<string>): Promise<void> {
  const db = await engineerDb();
  const queued = new Set((await db.getAll("outbox")).map((e) => e.jobId));
  const tx = db.transaction("jobs", "readwrite");
  for (const id of await tx.store.getAllKeys()) {
    if (!keepIds.has(id) && !queued.has(id)) await tx.store.delete(id);
  }
  await tx.done;
}

export async function enqueue(entry: Omit<OutboxEntry, "seq">): Promise<void> {
  await (await engineerDb()).add("outbox", entry as OutboxEntry);
}

/** The whole queue in device order. */
export async function readOutbox(): Promise<OutboxEntry[]> {
  return (await engineerDb()).getAll("outbox");
}

export async function removeFromOutbox(clientActionIds: ReadonlyArray<string>, problems: ReadonlyArray<SyncProblem>): Promise<void> {
  const db = await engineerDb();
  const tx = db.transaction(["outbox", "problems"], "readwrite");
  const index = tx.objectStore("outbox").index("byClientActionId");
  for (const id of clientActionIds) {
    const key = await index.getKey(id);
    if (key !== undefined) await tx.objectStore("outbox").delete(key);
  }
  for (const p of problems) await tx.objectStore("problems").put(p);
  await tx.done;
}

export async function markAttempt(clientActionIds: ReadonlyArray<string>): Promise<void> {
  const db = await engineerDb();
  const tx = db.transaction("outbox", "readwrite");
  const index = tx.store.index("byClientActionId");
  for (const id of clientActionIds) {
    const key = await index.getKey(id);
    if (key === undefined) continue;
    const e = await tx.store.get(key);
    if (e) await tx.store.put({ ...e, attempts: e.attempts + 1 });
  }
  await tx.done;
}

export async function readProblems(): Promise<SyncProblem[]> {
  const all = await (await engineerDb()).getAll("problems");
  // In the order they happened on the phone (reported together when one batch comes back).
  return all.sort((a, b) => a.reportedAt.localeCompare(b.reportedAt) || a.occurredAt.localeCompare(b.occurredAt));
}

export async function dismissProblem(clientActionId: string): Promise<void> {
  await (await engineerDb()).delete("problems", clientActionId);
}
