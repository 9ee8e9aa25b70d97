/**
 * The PDF job: claim the key, render in the rendering thread (with a timeout), store the file
 * with its SHA-256, and record the StoredFile + a `pdf.generated` audit event with the completed
 * claim in one transaction.
 */
import { env } from "@/server/config/env.ts";
import { tenantDb } from "@/server/db/tenancy.ts";
import { pdfBrandingFor } from "@/server/pdf/branding.ts";
import { claimExecution, completeExecution, ExecutionBusy, releaseExecution } from "@/server/queue/execution.ts";
import type { JobPayload } from "@/server/queue/jobs.ts";
import { writeOutbox } from "@/server/queue/outbox.ts";
import { newStorageKey, readStoredFile, writeStoredFile } from "@/server/storage/storage.ts";
import { createPdfPool } from "../pdf-pool.ts";

let pool: ReturnType<typeof createPdfPool> | null = null;

export async function closePdfPool() {
  await pool?.close();
  pool = null;
}

export async function renderPdfJob(key: string, p: JobPayload<"pdf.render">) {
  const claim = await claimExecution(key, "pdf", "pdf.render", env().JOB_LOCK_MS);
  if (claim === "done") return { duplicate: true };
  if (claim === "busy") throw new ExecutionBusy(key);
  pool ??= createPdfPool(30_000, env().PDF_THREADS);
  let stored: { storageKey: string; fileName: string; size: number; sha256: string };
  try {
    const files = Object.fromEntries(await Promise.all(Object.entries(p.files).map(async ([name, key]) => [name, await readStoredFile(key)] as const)));
    const { content, fileName } = await pool.render(p.document, p.props, await pdfBrandingFor(p.companyId), files);
    const storageKey = newStorageKey(p.companyId, ".pdf");
    stored = { storageKey, fileName, ...(await writeStoredFile(storageKey, content)) };
  } catch (err) {
    await releaseExecution(key, (err as Error).message);
    throw err;
  }
  const db = tenantDb(p.companyId);
  return db.$transaction(async (tx) => {
    const file = await tx.storedFile.create({
      data: { companyId: p.companyId, ...stored, contentType: "application/pdf", kind: `pdf:${p.document}`, entityType: p.entityType, entityId: p.entityId, createdById: p.requestedById ?? null },
    });
    await tx.auditEvent.create({
      data: {
        companyId: p.companyId,
        actorId: p.requestedById ?? null,
        entityType: p.entityType,
        entityId: p.entityId,
        action: "pdf.generated",
        metadata: { document: p.document, fileId: file.id, sha256: stored.sha256, size: stored.size },
        idempotencyKey: `pdf.generated:${key}`,
      },
    });
    if (p.thenEmail) {
      const email = p.thenEmail;
      await writeOutbox(tx, {
        job: "email.send",
        payload: { ...email.payload, attachments: [...email.payload.attachments, { storageKey: stored.storageKey, fileName: stored.fileName, contentType: "application/pdf" }] },
        idempotencyKey: email.idempotencyKey,
        companyId: p.companyId,
        priority: email.priority,
      });
    }
    await completeExecution(tx, key);
    return { fileId: file.id };
  });
}
