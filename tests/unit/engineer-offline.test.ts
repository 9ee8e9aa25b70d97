/** The sync action schema and the device outbox's pure logic (optimistic view, batching, results). */
import { describe, expect, it } from "vitest";
import { PHOTO_MAX_BYTES, SYNC_ACTION_TYPES, syncAction, syncRequest, type EngineerJob } from "@/modules/engineer/engineer.schema.ts";
import { applyPending, nextBatch, openRequiredItems, reconcile, retryDelayMs, summaryWithPending, type OutboxEntry } from "@/modules/engineer/offline/optimistic.ts";

const JOB = "0190a0a0-0000-7000-8000-000000000001";
const ITEM_A = "0190a0a0-0000-7000-8000-0000000000a1";
const ITEM_B = "0190a0a0-0000-7000-8000-0000000000b1";
const id = (n: number) => `0190a0a0-0000-7000-8000-${String(n).padStart(12, "0")}`;
const PNG = "data:image/png;base64,iVBORw0KGgo=";

const base = (n: number) => ({ clientActionId: id(n), jobId: JOB, occurredAt: "2026-11-22T09:00:00.000Z" });

describe("sync action schema", () => {
  it("accepts each action type with its payload", () => {
    const ok = [
      { ...base(1), type: "checklist.set", payload: { itemId: ITEM_A, done: true } },
      { ...base(2), type: "note.add", payload: { body: "  Board swapped  " } },
      { ...base(3), type: "photo.add", payload: { dataUrl: "data:image/jpeg;base64,/9j/4AAQ", caption: "Before" } },
      { ...base(4), type: "time.clockIn" },
      { ...base(5), type: "time.clockOut", payload: {} },
      { ...base(6), type: "time.breakStart" },
      { ...base(7), type: "time.breakEnd" },
      { ...base(8), type: "job.start" },
      { ...base(9), type: "job.complete", payload: { signerName: "Priya Patel", signatureDataUrl: PNG } },
    ];
    for (const a of ok) expect(syncAction.safeParse(a).success, a.type).toBe(true);
    expect(SYNC_ACTION_TYPES).toHaveLength(ok.length);
    const note = syncAction.parse(ok[1]);
    expect(note.type === "note.add" && note.payload.body).toBe("Board swapped");
    expect(syncAction.parse(ok[3]).payload).toEqual({});
  });

  it("refuses unknown types, bad ids and times, and payloads of the wrong shape", () => {
    const bad = [
      { ...base(1), type: "job.delete", payload: {} },
      { ...base(2), clientActionId: "not-a-uuid", type: "note.add", payload: { body: "x" } },
      { ...base(3), occurredAt: "yesterday", type: "note.add", payload: { body: "x" } },
      { ...base(4), type: "checklist.set", payload: { itemId: ITEM_A } },
      { ...base(5), type: "note.add", payload: { body: "   " } },
      { ...base(6), type: "photo.add", payload: { dataUrl: "data:image/svg+xml;base64,PHN2Zz4=" } },
      { ...base(7), type: "photo.add", payload: { dataUrl: `data:image/jpeg;base64,${"A".repeat(Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 100)}` } },
      { ...base(8), type: "job.complete", payload: { signerName: "", signatureDataUrl: PNG } },
      { ...base(9), type: "job.complete", payload: { signerName: "Priya", signatureDataUrl: "data:image/jpeg;base64,/9j/" } },
      { ...base(10), type: "time.clockIn", payload: { engineerId: id(99) } },
    ];
    for (const a of bad) expect(syncAction.safeParse(a).success, JSON.stringify(a).slice(0, 80)).toBe(false);
  });

  it("takes a batch of 1 to 50 actions that each carry a device id", () => {
    expect(syncRequest.safeParse({ actions: [] }).success).toBe(false);
    expect(syncRequest.safeParse({ actions: [{ type: "note.add" }] }).success).toBe(false);
    expect(syncRequest.safeParse({ actions: Array.from({ length: 51 }, (_, i) => ({ clientActionId: id(i) })) }).success).toBe(false);
    expect(syncRequest.safeParse({ actions: [{ clientActionId: id(1), type: "anything" }] }).success).toBe(true);
  });
});

function job(over: Partial<EngineerJob> = {}): EngineerJob {
  return {
    id: JOB,
    number: "JOB-00017",
    title: "Consumer unit swap",
    status: "SCHEDULED",
    clientName: "Priya Patel",
    site: null,
    visits: [],
    fetchedAt: "2026-11-22T08:00:00.000Z",
    timeZone: "Europe/London",
    scope: null,
    client: { name: "Priya Patel", contactName: null, phone: null, email: null },
    checklists: [
      {
        id: "c1",
        title: "Board change",
        items: [
          { id: ITEM_A, label: "Isolate supply", description: null, required: true, done: false, completedAt: null },
          { id: ITEM_B, label: "Tidy up", description: null, required: false, done: false, completedAt: null },
        ],
      },
    ],
    photos: [],
    notes: [],
    time: { running: null, entries: [] },
    completion: null,
    cancelledReason: null,
    ...over,
  };
}

let seq = 0;
function entry(type: OutboxEntry["type"], payload: Record<string, unknown> = {}, at = "2026-11-22T09:00:00.000Z", jobId = JOB): OutboxEntry {
  seq++;
  return { seq, clientActionId: id(1000 + seq), jobId, type, occurredAt: at, payload: payload as OutboxEntry["payload"], queuedAt: at, attempts: 0 };
}

describe("optimistic view", () => {
  it("lays queued actions over the server's copy in device order, marking them pending", () => {
    const view = applyPending(job(), [
      entry("time.clockIn", {}, "2026-11-22T09:00:00.000Z"),
      entry("checklist.set", { itemId: ITEM_A, done: true }),
      entry("checklist.set", { itemId: ITEM_B, done: true }),
      entry("checklist.set", { itemId: ITEM_B, done: false }),
      entry("note.add", { body: "Arrived" }),
      entry("photo.add", { dataUrl: "data:image/jpeg;base64,/9j/", caption: "Board" }),
      entry("time.breakStart", {}, "2026-11-22T10:00:00.000Z"),
      entry("time.breakEnd", {}, "2026-11-22T10:20:00.000Z"),
      entry("time.clockOut", {}, "2026-11-22T11:00:00.000Z"),
      entry("note.add", { body: "Another job's note" }, "2026-11-22T09:00:00.000Z", id(5)),
    ]);
    expect(view.status).toBe("IN_PROGRESS");
    expect(view.checklists[0]!.items.map((i) => [i.done, i.pending])).toEqual([
      [true, true],
      [false, true],
    ]);
    expect(view.notes).toEqual([expect.objectContaining({ body: "Arrived", pending: true })]);
    expect(view.photos[0]).toMatchObject({ url: "data:image/jpeg;base64,/9j/", caption: "Board", pending: true });
    expect(view.time.running).toBeNull();
    expect(view.time.entries).toEqual([expect.objectContaining({ startedAt: "2026-11-22T09:00:00.000Z", endedAt: "2026-11-22T11:00:00.000Z", breakMinutes: 20, pending: true })]);
    expect(view.pendingCount).toBe(9);
    expect(openRequiredItems(view)).toEqual([]);
  });

  it("counts a break still running at clock-out, and completes only a workable job", () => {
    const view = applyPending(job({ time: { running: { startedAt: "2026-11-22T08:00:00.000Z", breakStartedAt: null, breakMinutes: 5 }, entries: [] } }), [
      entry("time.breakStart", {}, "2026-11-22T09:00:00.000Z"),
      entry("time.clockOut", {}, "2026-11-22T09:30:00.000Z"),
      entry("job.complete", { signerName: "Priya Patel", signatureDataUrl: PNG }, "2026-11-22T09:31:00.000Z"),
    ]);
    expect(view.time.entries[0]!.breakMinutes).toBe(35);
    expect(view.status).toBe("COMPLETED");
    expect(view.completion).toMatchObject({ signerName: "Priya Patel", pending: true });

    const cancelled = applyPending(job({ status: "CANCELLED" }), [entry("job.complete", { signerName: "X", signatureDataUrl: PNG })]);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.completion).toBeNull();
    // The server's copy is not modified.
    const server = job();
    applyPending(server, [entry("checklist.set", { itemId: ITEM_A, done: true })]);
    expect(server.checklists[0]!.items[0]!.done).toBe(false);
  });

  it("names open required items and shows queued status on list entries", () => {
    expect(openRequiredItems(applyPending(job(), []))).toEqual(["Isolate supply"]);
    const s = summaryWithPending(job(), [entry("time.clockIn"), entry("job.complete", { signerName: "P", signatureDataUrl: PNG })]);
    expect(s).toMatchObject({ status: "COMPLETED", pendingCount: 2 });
  });
});

describe("outbox batching and results", () => {
  it("sends the oldest actions first, bounded by count and size, never an empty batch", () => {
    const small = Array.from({ length: 5 }, () => entry("note.add", { body: "x" }));
    expect(nextBatch(small, 3, 1_000_000).map((e) => e.seq)).toEqual(small.slice(0, 3).map((e) => e.seq));
    const big = entry("photo.add", { dataUrl: `data:image/jpeg;base64,${"A".repeat(3_000_000)}` });
    const queue = [big, ...small];
    expect(nextBatch(queue, 50, 1_000_000)).toEqual([big]);
    expect(nextBatch(small, 50, 500).length).toBe(2);
    expect(nextBatch([], 50, 100)).toEqual([]);
  });

  it("clears decided actions, keeps conflicts and rejections to show, and re-sends unanswered ones", () => {
    const [a, b, c, d] = [entry("note.add", { body: "a" }), entry("job.complete"), entry("checklist.set"), entry("note.add")];
    const r = reconcile(
      [a!, b!, c!, d!],
      [
        { clientActionId: a!.clientActionId, outcome: "applied", message: null, replayed: false },
        { clientActionId: b!.clientActionId, outcome: "conflict", message: "JOB-00017 was cancelled by the office", replayed: false },
        { clientActionId: c!.clientActionId, outcome: "rejected", message: null, replayed: true },
      ],
      () => "JOB-00017 · Consumer unit swap",
      new Date("2026-11-22T12:00:00.000Z"),
    );
    expect(r.done).toEqual([a!.clientActionId, b!.clientActionId, c!.clientActionId]);
    expect(r.unanswered).toEqual([d!.clientActionId]);
    expect(r.problems).toEqual([
      expect.objectContaining({ clientActionId: b!.clientActionId, outcome: "conflict", message: "JOB-00017 was cancelled by the office", jobLabel: "JOB-00017 · Consumer unit swap", reportedAt: "2026-11-22T12:00:00.000Z" }),
      expect.objectContaining({ clientActionId: c!.clientActionId, outcome: "rejected", message: "This action was not accepted." }),
    ]);
  });

  it("backs off between failed attempts, up to a minute", () => {
    expect([1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });
});

describe("photo sizing on the device", () => {
  it("fits the longest side within 1600 px, never enlarging, and measures data URLs", async () => {
    const { fitWithin, dataUrlBytes } = await import("@/modules/engineer/offline/photo.ts");
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 1)).toEqual({ width: 1600, height: 1 });
    expect(dataUrlBytes(`data:image/jpeg;base64,${Buffer.from("hello world").toString("base64")}`)).toBe(11);
    expect(dataUrlBytes(`data:image/jpeg;base64,${Buffer.from("hi").toString("base64")}`)).toBe(2);
  });
});
