import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { storeUpload } from "@/modules/files/files.service.ts";
import { FILE_ACCESS } from "@/modules/files/files.access.ts";
import { tenantWithAdmin } from "../support/factories.ts";

const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(64, 1)]);
const allowed = ["image/png", "image/jpeg", "application/pdf"];

describe("uploads", () => {
  it("stores by content type with a server-generated key, whatever the name says", async () => {
    const { ctx } = await tenantWithAdmin();
    const entityType = Object.keys(FILE_ACCESS)[0]!;
    const view = await storeUpload(ctx, { content: PNG, fileName: "../../etc/passwd.exe", entityType, entityId: "x1", allowed });
    expect(view).toMatchObject({ contentType: "image/png", fileName: "passwd.png", size: PNG.length });
    const row = await ctx.db.storedFile.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.storageKey).toMatch(new RegExp(`^${ctx.companyId}/\\d{4}/\\d{2}/[0-9a-f-]{36}\\.png$`));
    expect(await readFile(path.join(process.env.STORAGE_DIR!, row.storageKey))).toEqual(PNG);
  });

  it("refuses empty, oversized and disallowed files with field messages", async () => {
    const { ctx } = await tenantWithAdmin();
    const entityType = Object.keys(FILE_ACCESS)[0]!;
    await expect(storeUpload(ctx, { content: Buffer.alloc(0), fileName: "a.png", entityType, entityId: "x", allowed })).rejects.toMatchObject({ status: 422 });
    await expect(storeUpload(ctx, { content: Buffer.alloc(16 * 1024 * 1024, 0xff), fileName: "a.jpg", entityType, entityId: "x", allowed })).rejects.toMatchObject({ status: 422 });
    await expect(storeUpload(ctx, { content: Buffer.from("<html>"), fileName: "a.png", entityType, entityId: "x", allowed })).rejects.toMatchObject({
      status: 422,
      details: { fields: { file: "Upload a photo (JPEG, PNG, WebP, HEIC) or a PDF" } },
    });
    await expect(storeUpload(ctx, { content: PNG, fileName: "a.png", entityType: "Unlisted", entityId: "x", allowed })).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.storedFile.count()).toBe(0);
  });
});
