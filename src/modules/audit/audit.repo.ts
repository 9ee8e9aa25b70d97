import type { TenantDb } from "@/server/db/tenancy.ts";
import { guardedDb } from "@/server/db/tenancy.ts";
import { pageArgs } from "@/server/http/pagination.ts";
import type { ListAuditEventsQuery } from "./audit.schema.ts";

export async function findAuditEvents(db: TenantDb, q: ListAuditEventsQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.auditEvent.findMany({
    ...page,
    where: {
      ...cursorWhere,
      ...(q.entityType ? { entityType: q.entityType } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.action ? { action: q.action } : {}),
    },
  });
}

export async function findAuditEvent(db: TenantDb, id: string) {
  return db.auditEvent.findUnique({ where: { id } });
}

/** Display names for a page of events in one query (no N+1). */
export async function findUserNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await guardedDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** A record's whole history, oldest first, for exports (bounded). */
export async function findEntityHistory(db: TenantDb, entityType: string, entityId: string, max: number) {
  return db.auditEvent.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" }, take: max });
}
