import type { TenantDb } from "@/server/db/tenancy.ts";
import { pageArgs } from "@/server/http/pagination.ts";
import type { ListFilesQuery } from "./files.schema.ts";

export async function findFiles(db: TenantDb, q: ListFilesQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.storedFile.findMany({ ...page, where: { ...cursorWhere, entityType: q.entityType, entityId: q.entityId } });
}

export async function findFile(db: TenantDb, id: string) {
  return db.storedFile.findUnique({ where: { id } });
}
