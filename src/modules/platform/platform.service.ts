/**
 * Platform operator console: every company's status and counts, suspend and reactivate with a
 * reason. Each change is written with its audit event (in that company's trail) in one transaction.
 */
import { auditPlatform } from "@/server/audit/audit.ts";
import type { RequestContext } from "@/server/context.ts";
import { failedJobs, queueCounts } from "@/modules/system/jobs.ts";
import { conflict, forbidden, notFound, unavailable } from "@/server/errors/errors.ts";
import { findCompanyForUpdate, findCompanyWithCounts, listCompaniesWithCounts, platformTransaction, setCompanyStatus } from "./platform.repo.ts";
import type { CompanyStatusChangeInput, TenantView } from "./platform.schema.ts";

function assertOperator(ctx: RequestContext) {
  if (!ctx.user?.isPlatformOperator) throw forbidden();
}

type TenantRow = Awaited<ReturnType<typeof listCompaniesWithCounts>>[number];

function view(t: TenantRow): TenantView {
  return {
    id: t.id,
    name: t.name,
    slug: t.slug,
    status: t.status,
    statusReason: t.statusReason,
    userCount: t.userCount,
    lastActivityAt: t.lastActivityAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}

export async function listTenants(ctx: RequestContext) {
  assertOperator(ctx);
  return listCompaniesWithCounts();
}

export async function listTenantViews(ctx: RequestContext) {
  return { items: (await listTenants(ctx)).map(view), nextCursor: null };
}

async function tenantView(id: string): Promise<TenantView> {
  const t = await findCompanyWithCounts(id);
  if (!t) throw notFound();
  return view(t);
}

export async function suspendCompany(ctx: RequestContext, companyId: string, input: CompanyStatusChangeInput): Promise<TenantView> {
  assertOperator(ctx);
  await platformTransaction(async (tx) => {
    const c = await findCompanyForUpdate(tx, companyId);
    if (!c) throw notFound();
    if (c.status === "SUSPENDED") throw conflict("This company is already suspended.");
    await setCompanyStatus(tx, companyId, "SUSPENDED", input.reason);
    await auditPlatform(
      ctx,
      { companyId, entityType: "Company", entityId: companyId, action: "platform.company_suspended", before: { status: c.status }, after: { status: "SUSPENDED" }, metadata: { reason: input.reason } },
      tx,
    );
  });
  return tenantView(companyId);
}

export async function reactivateCompany(ctx: RequestContext, companyId: string, input: CompanyStatusChangeInput): Promise<TenantView> {
  assertOperator(ctx);
  await platformTransaction(async (tx) => {
    const c = await findCompanyForUpdate(tx, companyId);
    if (!c) throw notFound();
    if (c.status !== "SUSPENDED") throw conflict("This company is not suspended.");
    // Back to its trial while the trial still runs, otherwise active.
    const status = c.trialEndsAt && c.trialEndsAt > new Date() ? "TRIAL" : "ACTIVE";
    await setCompanyStatus(tx, companyId, status, null);
    await auditPlatform(
      ctx,
      { companyId, entityType: "Company", entityId: companyId, action: "platform.company_reactivated", before: { status: c.status, reason: c.statusReason }, after: { status }, metadata: { reason: input.reason } },
      tx,
    );
  });
  return tenantView(companyId);
}

/** Every tenant's failed jobs and queue counts (the operator's view; payloads redacted). */
export async function platformJobs(ctx: RequestContext) {
  assertOperator(ctx);
  try {
    const [queues, failed] = await Promise.all([queueCounts(), failedJobs(null)]);
    return { queues, failed };
  } catch (err) {
    throw unavailable("The job queue can't be reached right now.", err);
  }
}
