import type { AuditEvent } from "@/generated/prisma/client.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import { notFound } from "@/server/errors/errors.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { findAuditEvent, findAuditEvents, findUserNames } from "./audit.repo.ts";
import type { AuditEventView, ListAuditEventsQuery } from "./audit.schema.ts";

function view(e: AuditEvent, names: Map<string, string>): AuditEventView {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? "Former user" } : null);
  return {
    id: e.id,
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    actor: person(e.actorId),
    impersonator: person(e.impersonatorId),
    before: e.before ?? null,
    after: e.after ?? null,
    metadata: e.metadata ?? null,
    ip: e.ip,
    requestId: e.requestId,
    createdAt: e.createdAt.toISOString(),
  };
}

async function views(events: AuditEvent[]): Promise<AuditEventView[]> {
  const ids = [...new Set(events.flatMap((e) => [e.actorId, e.impersonatorId]).filter((x): x is string => !!x))];
  const names = await findUserNames(ids);
  return events.map((e) => view(e, names));
}

export async function listAuditEvents(ctx: TenantContext, q: ListAuditEventsQuery) {
  assertCan(ctx, "audit.view");
  const page = pageOf(await findAuditEvents(ctx.db, q), q.limit);
  return { items: await views(page.items), nextCursor: page.nextCursor };
}

export async function getAuditEvent(ctx: TenantContext, id: string) {
  assertCan(ctx, "audit.view");
  const event = await findAuditEvent(ctx.db, id);
  if (!event) throw notFound();
  return (await views([event]))[0]!;
}
