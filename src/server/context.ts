/**
 * The request context every service takes first: who is acting, for which company, with which
 * capabilities, and the tenant-scoped database for that company.
 */
import { randomUUID } from "node:crypto";
import type { Capability, RoleName } from "@/modules/identity/permissions.ts";
import { tenantDb, type TenantDb } from "./db/tenancy.ts";
import { AppError, forbidden, unauthenticated } from "./errors/errors.ts";

export const companySuspended = () =>
  new AppError("FORBIDDEN", "This company account is suspended. Contact Quantract support to restore access.");

export const mfaEnrolmentNeeded = () =>
  new AppError("FORBIDDEN", "Your company requires two-factor authentication. Set it up to continue.");

export type ActingUser = { id: string; email: string; name: string; isPlatformOperator: boolean };

export type RequestContext = {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  sessionId: string | null;
  user: ActingUser | null;
  /** The real actor while an admin impersonates `user`. */
  impersonatorId: string | null;
  /**
   * The company requires MFA for this person's role and they have none yet: the session may only
   * enrol (and sign out) until they do. Their capabilities are empty meanwhile.
   */
  mfaEnrolmentPending: boolean;
  companyId: string | null;
  /** A suspended company's users are refused everywhere except sign-out. */
  companyStatus: "TRIAL" | "ACTIVE" | "SUSPENDED" | null;
  role: RoleName | null;
  capabilities: ReadonlySet<Capability>;
};

/** A context bound to one company: what tenant services require. */
export type TenantContext = RequestContext & { user: ActingUser; companyId: string; role: RoleName; db: TenantDb };

export function anonymousContext(meta: Partial<Pick<RequestContext, "requestId" | "ip" | "userAgent">> = {}): RequestContext {
  return {
    requestId: meta.requestId ?? randomUUID(),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent ?? null,
    sessionId: null,
    user: null,
    impersonatorId: null,
    mfaEnrolmentPending: false,
    companyId: null,
    companyStatus: null,
    role: null,
    capabilities: new Set(),
  };
}

export function can(ctx: RequestContext, capability: Capability): boolean {
  return ctx.capabilities.has(capability);
}

/** Narrows a context to a tenant context or throws 401/403. */
export function requireTenant(ctx: RequestContext): TenantContext {
  if (!ctx.user) throw unauthenticated();
  if (!ctx.companyId || !ctx.role) throw forbidden("Choose a company to continue.");
  if (ctx.companyStatus === "SUSPENDED") throw companySuspended();
  return { ...ctx, user: ctx.user, companyId: ctx.companyId, role: ctx.role, db: tenantDb(ctx.companyId) };
}

export function assertCan(ctx: RequestContext, capability: Capability): void {
  if (!ctx.user) throw unauthenticated();
  if (ctx.companyStatus === "SUSPENDED") throw companySuspended();
  if (!can(ctx, capability)) throw forbidden();
}
