"use client";

/**
 * The engineer app's offline engine, one per page: the device store (IndexedDB), the outbox of
 * actions taken on the phone, the sync with the server when there is a connection (on the
 * `online` event, after each action, and on a retry timer with back-off), the cache refresh of
 * today's and upcoming jobs, and the service worker registration. Screens read it with
 * useEngineerOffline(); the header shows its state with <EngineerSyncStatus />.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { callApi } from "@/ui/client-api";
import { SyncStatus } from "@/ui/SyncStatus";
import { SYNC_BATCH_MAX } from "../engineer.constants.ts";
import type { EngineerJob, EngineerJobList, SyncAction, SyncActionType, SyncResponse } from "../engineer.schema.ts";
import { nextBatch, reconcile, retryDelayMs, type OutboxEntry, type SyncProblem } from "../offline/optimistic.ts";
import { loadStore, preloadLazyChunks } from "./lazy.ts";

/**
 * The device store (IndexedDB via idb) is loaded after first paint: every use of it is async
 * anyway, and the first paint shows the server's copy (see `ready`).
 */
type Store = typeof import("../offline/store.ts");
function fromStore<K extends keyof Store>(name: K): Store[K] {
  return (async (...args: unknown[]) => ((await loadStore())[name] as (...a: unknown[]) => unknown)(...args)) as Store[K];
}
const claimForOwner = fromStore("claimForOwner");
const dismissProblem = fromStore("dismissProblem");
const storeEnqueue = fromStore("enqueue");
const markAttempt = fromStore("markAttempt");
const pruneJobs = fromStore("pruneJobs");
const readJob = fromStore("readJob");
const readJobList = fromStore("readJobList");
const readOutbox = fromStore("readOutbox");
const readProblems = fromStore("readProblems");
const removeFromOutbox = fromStore("removeFromOutbox");
const saveJob = fromStore("saveJob");
const saveJobList = fromStore("saveJobList");

/** About this much JSON per sync request (a photo or two). */
const BATCH_BYTES = 6 * 1024 * 1024;
/** Sync what's waiting this often even without an `online` event (flaky signal). */
const RETRY_EVERY_MS = 20_000;
/** Refresh the cached jobs this often while the app is open and online. */
const REFRESH_EVERY_MS = 5 * 60_000;

export type EngineerOfflineState = {
  /** The device store has been read (before that, screens show the server's copy). */
  ready: boolean;
  online: boolean;
  syncing: boolean;
  /** The sign-in has expired: actions wait on the device until the engineer signs in again. */
  signedOut: boolean;
  outbox: OutboxEntry[];
  problems: SyncProblem[];
  /** Bumps whenever cached jobs change, so screens re-read them. */
  version: number;
  enqueue: <T extends SyncActionType>(jobId: string, type: T, payload: Extract<SyncAction, { type: T }>["payload"]) => Promise<void>;
  syncNow: () => void;
  dismiss: (clientActionId: string) => Promise<void>;
  /** Fetch one job again (when online) and keep it on the device. */
  refreshJob: (jobId: string) => Promise<void>;
};

const Ctx = createContext<EngineerOfflineState | null>(null);

export function useEngineerOffline(): EngineerOfflineState {
  const v = useContext(Ctx);
  if (!v) throw new Error("useEngineerOffline needs <EngineerOfflineProvider>");
  return v;
}

function isOnline() {
  return typeof navigator === "undefined" ? true : navigator.onLine;
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Older WebViews: RFC 4122 v4 from getRandomValues.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Pages the service worker keeps for offline use. */
function pagesToKeep(list: EngineerJobList): string[] {
  const ids = [...list.today, ...list.upcoming, ...list.unscheduled].map((j) => j.id);
  return ["/engineer", "/engineer/jobs", "/engineer/offline", ...ids.map((id) => `/engineer/jobs/${id}`)];
}

/** Asks the worker to keep these build assets; true once all of them are in its cache. */
function assetsKept(reg: ServiceWorkerRegistration, urls: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    if (!reg.active) return resolve(false);
    const channel = new MessageChannel();
    // A worker of an older version doesn't answer: carry on without the confirmation.
    const timer = setTimeout(() => resolve(false), 60_000);
    channel.port1.onmessage = (e: MessageEvent<{ missing?: number }>) => {
      clearTimeout(timer);
      resolve(e.data?.missing === 0);
    };
    reg.active.postMessage({ type: "cache-assets", urls }, [channel.port2]);
  });
}

function postToWorker(message: unknown) {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage(message)).catch((err: unknown) => console.warn("service worker not ready", err));
}

export function EngineerOfflineProvider({ userId, companyId, children }: { userId: string; companyId: string; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const [syncing, setSyncing] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const [outbox, setOutbox] = useState<OutboxEntry[]>([]);
  const [problems, setProblems] = useState<SyncProblem[]>([]);
  const [version, setVersion] = useState(0);

  const running = useRef(false);
  const again = useRef(false);
  const failures = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const readyPromise = useRef<Promise<void> | null>(null);

  const reload = useCallback(async () => {
    const [o, p] = await Promise.all([readOutbox(), readProblems()]);
    setOutbox(o);
    setProblems(p);
  }, []);

  const fetchJob = useCallback(async (jobId: string): Promise<boolean> => {
    const res = await callApi<EngineerJob>("GET", `/api/engineer/jobs/${jobId}`);
    if (res.ok) {
      await saveJob(res.data);
      return true;
    }
    if (res.status === 401) setSignedOut(true);
    return false;
  }, []);

  /** The job list and every listed job's detail, kept on the device; pages handed to the worker. */
  const refreshAll = useCallback(async () => {
    if (!isOnline()) return;
    const res = await callApi<EngineerJobList>("GET", "/api/engineer/jobs");
    if (!res.ok) {
      if (res.status === 401) setSignedOut(true);
      return;
    }
    setSignedOut(false);
    const list = await saveJobList(res.data);
    const ids = [...list.today, ...list.upcoming, ...list.unscheduled].map((j) => j.id);
    // A few at a time: a phone on a weak signal shouldn't open dozens of requests at once.
    for (let i = 0; i < ids.length; i += 4) await Promise.all(ids.slice(i, i + 4).map((id) => fetchJob(id)));
    await pruneJobs(new Set(ids));
    setVersion((v) => v + 1);
    postToWorker({ type: "cache-pages", paths: pagesToKeep(list) });
  }, [fetchJob]);

  const syncNow = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    if (!isOnline()) return;
    await readyPromise.current;
    running.current = true;
    setSyncing(true);
    const touched = new Set<string>();
    let failed = false;
    try {
      for (;;) {
        const queue = await readOutbox();
        const batch = nextBatch(queue, SYNC_BATCH_MAX, BATCH_BYTES);
        if (batch.length === 0) break;
        await markAttempt(batch.map((e) => e.clientActionId));
        const res = await callApi<SyncResponse>("POST", "/api/engineer/sync", {
          actions: batch.map((e) => ({ clientActionId: e.clientActionId, jobId: e.jobId, type: e.type, occurredAt: e.occurredAt, payload: e.payload })),
        });
        if (!res.ok) {
          if (res.status === 401) setSignedOut(true);
          failed = true;
          break;
        }
        const labels = new Map<string, string>();
        for (const e of batch) {
          const job = await readJob(e.jobId);
          if (job) labels.set(e.jobId, `${job.number} · ${job.title}`);
        }
        const r = reconcile(batch, res.data.results, (id) => labels.get(id) ?? null);
        await removeFromOutbox(r.done, r.problems);
        for (const e of batch) touched.add(e.jobId);
        await reload();
        if (r.unanswered.length) {
          failed = true;
          break;
        }
      }
    } catch (err) {
      console.warn("sync failed; will retry", err);
      failed = true;
    } finally {
      running.current = false;
      setSyncing(false);
    }
    if (failed) {
      failures.current++;
      if (retryTimer.current) clearTimeout(retryTimer.current);
      retryTimer.current = setTimeout(() => void syncNow(), retryDelayMs(failures.current));
    } else {
      failures.current = 0;
      setSignedOut(false);
    }
    if (touched.size) {
      for (const id of touched) await fetchJob(id);
      setVersion((v) => v + 1);
    }
    if (again.current) {
      again.current = false;
      void syncNow();
    }
  }, [fetchJob, reload]);

  const enqueue = useCallback<EngineerOfflineState["enqueue"]>(
    async (jobId, type, payload) => {
      const now = new Date().toISOString();
      const entry: OutboxEntry = { clientActionId: uuid(), jobId, type, occurredAt: now, payload, queuedAt: now, attempts: 0 };
      // Shown at once (a ticked box stays ticked), then written to the device store.
      setOutbox((o) => [...o, entry]);
      await readyPromise.current;
      await storeEnqueue(entry);
      await reload();
      if (isOnline()) void syncNow();
    },
    [reload, syncNow],
  );

  const dismiss = useCallback(
    async (clientActionId: string) => {
      await dismissProblem(clientActionId);
      await reload();
    },
    [reload],
  );

  const refreshJob = useCallback(
    async (jobId: string) => {
      if (!isOnline()) return;
      if (await fetchJob(jobId)) setVersion((v) => v + 1);
    },
    [fetchJob],
  );

  // Open the store for this person, then sync what's waiting and refresh the cache.
  useEffect(() => {
    readyPromise.current = (async () => {
      const { changed } = await claimForOwner({ userId, companyId });
      if (changed) postToWorker({ type: "clear" });
      await reload();
      setReady(true);
    })();
    void readyPromise.current.then(async () => {
      await syncNow();
      await refreshAll();
    });
  }, [userId, companyId, reload, syncNow, refreshAll]);

  // Connection changes, a steady retry and a periodic refresh.
  useEffect(() => {
    const up = () => {
      failures.current = 0;
      void syncNow().then(refreshAll);
    };
    window.addEventListener("online", up);
    const retry = setInterval(() => {
      if (isOnline()) void syncNow();
    }, RETRY_EVERY_MS);
    const refresh = setInterval(() => void refreshAll(), REFRESH_EVERY_MS);
    return () => {
      window.removeEventListener("online", up);
      clearInterval(retry);
      clearInterval(refresh);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, [syncNow, refreshAll]);

  // The service worker (production builds): pages and assets for offline use.
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker
      .register("/sw.js", { scope: "/engineer" })
      .then(() => navigator.serviceWorker.ready)
      .then(async (reg) => {
        if (!navigator.serviceWorker.controller) reg.active?.postMessage({ type: "claim" });
        // The chunks loaded on demand (signature box, photo resizer) are fetched now, so they are
        // listed below and kept for offline use before the engineer needs them without signal.
        await preloadLazyChunks();
        const assets = performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter((u) => u.startsWith(`${location.origin}/_next/static/`));
        const kept = await assetsKept(reg, assets);
        reg.active?.postMessage({ type: "cache-pages", paths: [location.pathname] });
        // Everything this portal runs is on the phone now: the screens work without signal.
        if (kept) document.documentElement.dataset.offlineReady = "true";
      })
      .catch((err: unknown) => console.warn("service worker registration failed", err));
  }, []);

  const value = useMemo<EngineerOfflineState>(
    () => ({ ready, online, syncing, signedOut, outbox, problems, version, enqueue, syncNow: () => void syncNow(), dismiss, refreshJob }),
    [ready, online, syncing, signedOut, outbox, problems, version, enqueue, syncNow, dismiss, refreshJob],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** Header pill: online/offline and how many actions wait on the device. */
export function EngineerSyncStatus() {
  const { online, outbox } = useEngineerOffline();
  return <SyncStatus online={online} pending={outbox.length} />;
}

/** The device's copy of a job (newest of the server's answer and the cache), re-read on changes. */
export function useCachedJob(jobId: string, initial: EngineerJob | null): { job: EngineerJob | null; loaded: boolean } {
  const { version, ready } = useEngineerOffline();
  const [job, setJob] = useState<EngineerJob | null>(initial);
  const [loaded, setLoaded] = useState(initial !== null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void (async () => {
      // The page's own copy may be newer than the cache (or the cache newer than a page served offline).
      const cached = initial ? await saveJob(initial) : await readJob(jobId);
      if (live) {
        setJob(cached);
        setLoaded(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [jobId, initial, version, ready]);
  return { job, loaded };
}

/** The device's copy of the job list, like useCachedJob. */
export function useCachedJobList(initial: EngineerJobList | null): { list: EngineerJobList | null; loaded: boolean } {
  const { version, ready } = useEngineerOffline();
  const [list, setList] = useState<EngineerJobList | null>(initial);
  const [loaded, setLoaded] = useState(initial !== null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void (async () => {
      const cached = initial ? await saveJobList(initial) : await readJobList();
      if (live) {
        setList(cached);
        setLoaded(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [initial, version, ready]);
  return { list, loaded };
}
