/**
 * One rendering thread beside the worker's main thread, with a timeout per document: a render
 * that runs too long is killed (the thread is replaced) and the job fails to be retried.
 */
import { Worker } from "node:worker_threads";
import type { PdfBranding } from "@/server/pdf/layout.tsx";

type Pending = { resolve: (r: { content: Buffer; fileName: string }) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class PdfRenderTimeout extends Error {
  constructor(ms: number) {
    super(`PDF rendering took longer than ${ms} ms`);
    this.name = "PdfRenderTimeout";
  }
}

export function createPdfPool(timeoutMs = 30_000) {
  let thread: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function start(): Worker {
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
        clearTimeout(p.timer);
        p.reject(err);
        pending.delete(id);
      }
      thread = null;
    });
    return t;
  }

  return {
    render(document: string, props: unknown, branding: PdfBranding): Promise<{ content: Buffer; fileName: string }> {
      thread ??= start();
      const id = nextId++;
      const current = thread;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          if (thread === current) thread = null;
          void current.terminate();
          reject(new PdfRenderTimeout(timeoutMs));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        current.postMessage({ id, document, props, branding });
      });
    },
    async close() {
      await thread?.terminate();
      thread = null;
    },
  };
}
