/**
 * Tenant scoping, enforced once for every query through Prisma client extensions:
 *  - `tenantDb(companyId)`: every read/update/delete of a tenant model gets `companyId` added
 *    to its `where`; every create gets it in its `data` (repos pass `companyId: ctx.companyId`
 *    for the types; a different value throws); moving a row to another tenant throws.
 *    The Company model itself is narrowed to the tenant's own row.
 *  - `guardedDb()`: a query on a tenant model with no tenant throws `TenantScopeMissing`.
 * PostgreSQL backs this up: references between tenant tables are composite foreign keys.
 */
import { Prisma, type PrismaClient } from "@/generated/prisma/client.ts";
import { unsafeUnscopedDb } from "./client.ts";

/** Every model that carries companyId. A schema test fails if this list drifts from the schema. */
export const TENANT_MODELS: ReadonlySet<string> = new Set<Prisma.ModelName>([
  "CompanyMembership",
  "AuditEvent",
  "Counter",
  "OutboxMessage",
  "EmailMessage",
  "StoredFile",
  "Client",
  "ClientContact",
  "Site",
  "Note",
  "PipelineStage",
  "Enquiry",
  "PriceBookItem",
  "Quote",
  "QuoteLine",
  "QuoteVersion",
  "QuoteLink",
  "Agreement",
  "Invoice",
  "InvoiceLine",
  "InvoiceLink",
  "CreditNote",
  "CreditNoteLine",
  "Payment",
  "UnappliedPayment",
  "PaymentRefund",
  "StripeCheckoutSession",
  "InvoiceReminder",
  "Job",
  "JobBudgetLine",
  "JobAssignment",
  "ScheduleEntry",
  "EngineerUnavailability",
  "ChecklistTemplate",
  "ChecklistTemplateItem",
  "JobChecklist",
  "JobChecklistItem",
  "JobFile",
  "TimeEntry",
  "Timesheet",
  "SyncAction",
]);

export class TenancyViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TenancyViolation";
  }
}

const WHERE_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);
const CREATE_OPERATIONS = new Set(["create", "createMany", "createManyAndReturn"]);

type Args = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: unknown; update?: unknown };

function scopeWhere(model: string, where: Record<string, unknown> | undefined, companyId: string) {
  if (where && "companyId" in where && where.companyId !== companyId) {
    throw new TenancyViolation(`${model}: where.companyId differs from the request's tenant`);
  }
  return { ...(where ?? {}), companyId };
}

function scopeData(model: string, data: unknown, companyId: string): unknown {
  if (Array.isArray(data)) return data.map((d) => scopeData(model, d, companyId));
  const row = (data ?? {}) as Record<string, unknown>;
  if ("company" in row) throw new TenancyViolation(`${model}: set the tenant through the scoped client, not a company relation`);
  if (row.companyId !== undefined && row.companyId !== companyId) {
    throw new TenancyViolation(`${model}: data.companyId differs from the request's tenant`);
  }
  return { ...row, companyId };
}

function refuseTenantChange(model: string, data: unknown) {
  const row = (data ?? {}) as Record<string, unknown>;
  if ("companyId" in row || "company" in row) throw new TenancyViolation(`${model}: a row cannot move to another tenant`);
}

export function scopeArgs(model: string, operation: string, args: Args, companyId: string): Args {
  if (!TENANT_MODELS.has(model)) {
    if (model === "Company" && WHERE_OPERATIONS.has(operation)) {
      if (operation === "upsert" || operation.startsWith("delete")) throw new TenancyViolation("Company: not writable through a tenant client");
      const where = args.where ?? {};
      // Another company's id matches nothing (the requested id stays as an extra filter).
      const extra = "id" in where && where.id !== companyId ? { AND: [{ id: where.id }] } : {};
      return { ...args, where: { ...where, id: companyId, ...extra } };
    }
    if (model === "Company" && CREATE_OPERATIONS.has(operation)) throw new TenancyViolation("Company: not creatable through a tenant client");
    return args;
  }
  const next: Args = { ...args };
  if (WHERE_OPERATIONS.has(operation)) next.where = scopeWhere(model, args.where, companyId);
  if (CREATE_OPERATIONS.has(operation)) next.data = scopeData(model, args.data, companyId);
  if (operation.startsWith("update")) refuseTenantChange(model, args.data);
  if (operation === "upsert") {
    next.create = scopeData(model, args.create, companyId);
    refuseTenantChange(model, args.update);
  }
  return next;
}

function tenantExtension(companyId: string) {
  return Prisma.defineExtension({
    name: "tenant-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, args as Args, companyId) as never);
        },
      },
    },
  });
}

const guardExtension = Prisma.defineExtension({
  name: "tenant-guard",
  query: {
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        if (TENANT_MODELS.has(model)) {
          throw new TenancyViolation(`TenantScopeMissing: ${model}.${operation} needs a tenant (use ctx.db)`);
        }
        return query(args);
      },
    },
  },
});

function buildTenantDb(companyId: string) {
  return unsafeUnscopedDb().$extends(tenantExtension(companyId));
}
export type TenantDb = ReturnType<typeof buildTenantDb>;
export type TenantTx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

// Extended clients are cheap but not free: keep one per tenant (bounded, oldest evicted).
const cache = new Map<string, TenantDb>();
const CACHE_LIMIT = 2000;

export function tenantDb(companyId: string): TenantDb {
  if (!companyId) throw new TenancyViolation("tenantDb needs a companyId");
  let db = cache.get(companyId);
  if (!db) {
    db = buildTenantDb(companyId);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(companyId, db);
  }
  return db;
}

let guarded: ReturnType<PrismaClient["$extends"]> | undefined;
/** For code with no tenant (sign-in, platform console): tenant models are refused. */
export function guardedDb() {
  guarded ??= unsafeUnscopedDb().$extends(guardExtension);
  return guarded as unknown as Omit<PrismaClient, "$extends">;
}
