import { z } from "zod";
import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { fileList, listFilesQuery } from "./files.schema.ts";

export const filesApi = {
  list: defineOperation({
    method: "GET",
    path: "/api/admin/files",
    summary: "Files stored for a record (generated PDFs, uploads); access follows the record type",
    tag: "Files",
    policy: policy.member(),
    query: listFilesQuery,
    response: fileList,
  }),
  download: defineOperation({
    method: "GET",
    path: "/api/admin/files/{id}/download",
    summary: "Download a stored file",
    tag: "Files",
    policy: policy.member(),
    params: idParams,
    response: z.unknown(),
  }),
};
