import { z } from "zod";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";

export const listFilesQuery = pageQuery.extend({
  entityType: z.string().min(1).max(64),
  entityId: z.string().min(1).max(64),
});
export type ListFilesQuery = z.infer<typeof listFilesQuery>;

export const fileOutput = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  kind: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  downloadUrl: z.string(),
});
export type FileView = z.infer<typeof fileOutput>;
export const fileList = listResponse(fileOutput);
