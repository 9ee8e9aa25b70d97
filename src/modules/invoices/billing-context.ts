/**
 * The context billing functions take. A signed-in member's TenantContext fits; so does a system
 * context for work with no signed-in user (a Stripe webhook, a client paying through /i/<token>):
 * the company is known from the event or the link, the actor is recorded as nobody (audit keeps
 * the request id, IP and user agent). Build those with `systemBillingContext`.
 */
import type { Capability } from "@/modules/identity/permissions.ts";
import { auditLinkVisitor, type AuditInput } from "@/server/audit/audit.ts";
import { anonymousContext, type RequestContext } from "@/server/context.ts";
import { tenantDb, type TenantDb, type TenantTx } from "@/server/db/tenancy.ts";

export type BillingContext = RequestContext & { companyId: string; db: TenantDb };

/** A context for the system acting for one company (webhooks, link visitors), with the given capabilities. */
export function systemBillingContext(
  companyId: string,
  base: RequestContext = anonymousContext(),
  capabilities: readonly Capability[] = ["invoices.view", "invoices.manage", "payments.manage"],
): BillingContext {
  return { ...base, companyId, role: null, capabilities: new Set(capabilities), db: tenantDb(companyId) };
}

/** Audit through the context's company, whoever (or whatever) is acting. */
export async function auditBilling(db: TenantDb | TenantTx, ctx: BillingContext, e: AuditInput) {
  return auditLinkVisitor(db, ctx, ctx.companyId, e);
}
