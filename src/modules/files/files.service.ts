/** Stored files (generated PDFs, uploads): listed per record and downloaded with a permission check. */
import type { StoredFile } from "@/generated/prisma/client.ts";
import { can, type TenantContext } from "@/server/context.ts";
import { forbidden, notFound, validationFailed } from "@/server/errors/errors.ts";
import { detectFileType, UPLOAD_LIMIT_BYTES } from "@/server/storage/file-type.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { newStorageKey, storedFileStream, writeStoredFile } from "@/server/storage/storage.ts";
import type { Capability } from "@/modules/identity/permissions.ts";
import { FILE_ACCESS, FILE_RECORD_ACCESS } from "./files.access.ts";
import { findFile, findFiles } from "./files.repo.ts";
import type { FileView, ListFilesQuery } from "./files.schema.ts";

async function assertFileAccess(ctx: TenantContext, entityType: string | null, entityId: string | null) {
  const needed = entityType ? FILE_ACCESS[entityType] : undefined;
  if (!needed) throw forbidden();
  const anyOf: readonly Capability[] = typeof needed === "string" ? [needed] : needed;
  if (!anyOf.some((c) => can(ctx, c))) throw forbidden();
  const recordCheck = entityType ? FILE_RECORD_ACCESS[entityType] : undefined;
  if (recordCheck) {
    if (!entityId) throw notFound();
    await recordCheck(ctx, entityId);
  }
}

export function fileView(f: StoredFile): FileView {
  return {
    id: f.id,
    fileName: f.fileName,
    contentType: f.contentType,
    size: f.size,
    sha256: f.sha256,
    kind: f.kind,
    entityType: f.entityType,
    entityId: f.entityId,
    createdAt: f.createdAt.toISOString(),
    downloadUrl: `/api/admin/files/${f.id}/download`,
  };
}

export async function listFiles(ctx: TenantContext, q: ListFilesQuery) {
  await assertFileAccess(ctx, q.entityType, q.entityId ?? null);
  const page = pageOf(await findFiles(ctx.db, q), q.limit);
  return { items: page.items.map(fileView), nextCursor: page.nextCursor };
}

/** The file's bytes as a download; a foreign or missing id is a 404 either way. */
export async function downloadFile(ctx: TenantContext, id: string): Promise<Response> {
  const file = await findFile(ctx.db, id);
  if (!file) throw notFound();
  await assertFileAccess(ctx, file.entityType, file.entityId);
  const { stream, size } = await storedFileStream(file.storageKey);
  const safeName = file.fileName.replace(/[^a-zA-Z0-9._-]+/g, "_");
  return new Response(stream as unknown as ReadableStream, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(size),
      "content-disposition": `attachment; filename="${safeName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      etag: `"${file.sha256}"`,
    },
  });
}

export type UploadInput = { content: Buffer; fileName: string; entityType: string; entityId: string; allowed: readonly string[] };

/**
 * Stores an upload (photo, receipt, attachment) for a record: size limit, type from the bytes
 * themselves (not the name or the browser's claim), a server-generated storage key, SHA-256.
 */
export async function storeUpload(ctx: TenantContext, input: UploadInput): Promise<FileView> {
  await assertFileAccess(ctx, input.entityType, input.entityId);
  if (input.content.length === 0) throw validationFailed("The file is empty.", { file: "Choose a file to upload" });
  if (input.content.length > UPLOAD_LIMIT_BYTES) throw validationFailed("The file is too large.", { file: `Files can be up to ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB` });
  const type = detectFileType(input.content);
  if (!type || !input.allowed.includes(type.contentType)) {
    throw validationFailed("That type of file isn't accepted here.", { file: "Upload a photo (JPEG, PNG, WebP, HEIC) or a PDF" });
  }
  const storageKey = newStorageKey(ctx.companyId, type.ext);
  const { size, sha256 } = await writeStoredFile(storageKey, input.content);
  const baseName = (input.fileName.split(/[\\/]/).pop() ?? "").replace(/\.[^.]*$/, "").replace(/[^\w .-]+/g, "_").slice(0, 100) || "file";
  const file = await ctx.db.storedFile.create({
    data: {
      companyId: ctx.companyId,
      storageKey,
      fileName: `${baseName}${type.ext}`,
      contentType: type.contentType,
      size,
      sha256,
      kind: "upload",
      entityType: input.entityType,
      entityId: input.entityId,
      createdById: ctx.user.id,
    },
  });
  return fileView(file);
}
