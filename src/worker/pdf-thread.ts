/**
 * Runs in a worker thread: PDF rendering is CPU-heavy and must not stall the email and other
 * queues on the worker's main thread.
 */
import { parentPort } from "node:worker_threads";
import { renderPdfDocument } from "@/server/pdf/render.ts";

type Request = { id: number; document: string; props: unknown; branding: Parameters<typeof renderPdfDocument>[2]; files: Record<string, Uint8Array> };

parentPort?.on("message", async (req: Request) => {
  try {
    const branding = { ...req.branding, logo: req.branding.logo ? Buffer.from(req.branding.logo) : null };
    const files = Object.fromEntries(Object.entries(req.files ?? {}).map(([k, v]) => [k, Buffer.from(v)]));
    const { content, fileName } = await renderPdfDocument(req.document, req.props, branding, files);
    parentPort?.postMessage({ id: req.id, ok: true, content, fileName });
  } catch (err) {
    parentPort?.postMessage({ id: req.id, ok: false, error: (err as Error).message });
  }
});
