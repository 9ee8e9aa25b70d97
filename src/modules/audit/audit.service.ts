import type { AuditEvent } from "@/generated/prisma/client.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import { notFound } from "@/server/errors/errors.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { randomUUID } from "node:crypto";
import { writeOutbox } from "@/server/queue/outbox.ts";
import { formatDateTime } from "@/ui/format.ts";
import { actionLabel, fieldChanges } from "./audit.labels.ts";
import { findAuditEvent, findAuditEvents, findEntityHistory, findUserNames } from "./audit.repo.ts";
import type { AuditEventView, ExportAuditInput, ListAuditEventsQuery } from "./audit.schema.ts";

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

const EXPORT_MAX_EVENTS = 2000;

/**
 * Queues a PDF of a record's history. The worker renders it; the file appears under
 * entityType "AuditExport" and the returned exportId.
 */
export async function exportAuditTrail(ctx: TenantContext, input: ExportAuditInput, timeZone: string) {
  assertCan(ctx, "audit.view");
  const events = await views(await findEntityHistory(ctx.db, input.entityType, input.entityId, EXPORT_MAX_EVENTS));
  const exportId = randomUUID();
  const at = (iso: string) => formatDateTime(iso, timeZone, { year: true });
  await writeOutbox(ctx.db, {
    job: "pdf.render",
    companyId: ctx.companyId,
    idempotencyKey: `pdf:audit-trail:${exportId}`,
    priority: 1,
    payload: {
      companyId: ctx.companyId,
      document: "audit-trail",
      entityType: "AuditExport",
      entityId: exportId,
      requestedById: ctx.user.id,
      props: {
        recordLabel: input.label,
        generatedAt: at(new Date().toISOString()),
        events: events.map((e) => ({
          at: at(e.createdAt),
          who: e.impersonator ? `${e.impersonator.name} as ${e.actor?.name ?? "?"}` : (e.actor?.name ?? "System"),
          action: actionLabel(e.action),
          changes: fieldChanges(e.before, e.after).map(({ label, before, after }) => ({ label, before, after })),
        })),
      },
    },
  });
  return { exportId };
}
