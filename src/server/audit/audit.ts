/**
 * Audit events: append-only (PostgreSQL refuses UPDATE/DELETE). `audit()` is called inside the
 * same transaction as the change it records, so a change and its audit commit or fail together.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import type { RequestContext, TenantContext } from "../context.ts";
import { unsafeUnscopedDb } from "../db/client.ts";
import type { TenantDb, TenantTx } from "../db/tenancy.ts";

export type AuditInput = {
  entityType: string;
  entityId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
  metadata?: unknown;
  /** Unique when present: a side effect recorded once, however often its job runs. */
  idempotencyKey?: string;
};

const SECRET_KEYS = /password|token|secret|hash|recovery|mfa.?secret|apikey/i;

/** Copies a value for the audit trail without secrets, dates as ISO strings. */
export function auditSnapshot(value: unknown, depth = 0): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => auditSnapshot(v, depth + 1) ?? null) as Prisma.InputJsonValue;
  if (typeof value === "object") {
    if (depth > 5) return "[nested]";
    const out: Record<string, Prisma.InputJsonValue | null> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEYS.test(k) ? "[redacted]" : (auditSnapshot(v, depth + 1) ?? null);
    }
    return out;
  }
  if (typeof value === "bigint") return value.toString();
  return value as Prisma.InputJsonValue;
}

function rowFor(ctx: RequestContext, e: AuditInput) {
  return {
    actorId: ctx.user?.id ?? null,
    impersonatorId: ctx.impersonatorId,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    action: e.action,
    before: auditSnapshot(e.before),
    after: auditSnapshot(e.after),
    metadata: auditSnapshot(e.metadata),
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
    idempotencyKey: e.idempotencyKey ?? null,
  };
}

/** Records an event for the context's company, through the tenant-scoped client or transaction. */
export async function audit(db: TenantDb | TenantTx, ctx: TenantContext, e: AuditInput) {
  return db.auditEvent.create({ data: { ...rowFor(ctx, e), companyId: ctx.companyId } });
}

/**
 * Events by someone without an account acting through a company's link (a client accepting a
 * quote): the company is known from the link, the actor is recorded in the event's metadata.
 */
export async function auditLinkVisitor(db: TenantDb | TenantTx, ctx: RequestContext, companyId: string, e: AuditInput) {
  return db.auditEvent.create({ data: { ...rowFor(ctx, e), companyId } });
}

/**
 * Platform-level events: no tenant context yet (a failed sign-in) or an operator acting on a
 * company from the platform console. Uses the raw client, so it lives here and nowhere else.
 */
export async function auditPlatform(
  ctx: RequestContext,
  e: AuditInput & { companyId?: string | null },
  /** A transaction on the raw client, so the event commits with the change it records. */
  db: Prisma.TransactionClient | ReturnType<typeof unsafeUnscopedDb> = unsafeUnscopedDb(),
) {
  return db.auditEvent.create({ data: { ...rowFor(ctx, e), companyId: e.companyId ?? null } });
}
