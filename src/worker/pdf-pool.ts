/**
 * Rendering threads beside the worker's main thread (round-robin), with a timeout per document:
 * a render that runs too long is killed (its thread is replaced) and the job fails to be retried.
 */
import { Worker } from "node:worker_threads";
import type { PdfBranding } from "@/server/pdf/layout.tsx";

type Pending = { resolve: (r: { content: Buffer; fileName: string }) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; thread: Worker };

export class PdfRenderTimeout extends Error {
  constructor(ms: number) {
    super(`PDF rendering took longer than ${ms} ms`);
    this.name = "PdfRenderTimeout";
  }
}

export function createPdfPool(timeoutMs = 30_000, threadCount = 1) {
  const threads: (Worker | null)[] = Array.from({ length: Math.max(1, threadCount) }, () => null);
  let nextId = 1;
  let turn = 0;
  const pending = new Map<number, Pending>();

  function start(slot: number): Worker {
    const t = new Worker(new URL("./pdf-thread-entry.mjs", import.meta.url));
    t.on("message", (msg: { id: number; ok: boolean; content?: Uint8Array; fileName?: string; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve({ content: Buffer.from(msg.content!), fileName: msg.fileName! });
      else p.reject(new Error(msg.error));
    });
    t.on("error", (err) => {
      for (const [id, p] of pending) {
        if (p.thread !== t) continue;
        clearTimeout(p.timer);
        p.reject(err);
        pending.delete(id);
      }
      if (threads[slot] === t) threads[slot] = null;
    });
    return t;
  }

  return {
    render(document: string, props: unknown, branding: PdfBranding, files: Record<string, Buffer> = {}): Promise<{ content: Buffer; fileName: string }> {
      const slot = turn++ % threads.length;
      const current = (threads[slot] ??= start(slot));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          if (threads[slot] === current) threads[slot] = null;
          void current.terminate();
          reject(new PdfRenderTimeout(timeoutMs));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer, thread: current });
        current.postMessage({ id, document, props, branding, files });
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t?.terminate()));
      threads.fill(null);
    },
  };
}
