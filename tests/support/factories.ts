/** Unique rows per test, created through the raw client (tests set up state; the code under test is scoped). */
import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/client.ts";
import { sha256, randomToken } from "@/server/auth/tokens.ts";
import { requireTenant, type RequestContext, type TenantContext } from "@/server/context.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { effectiveCapabilities } from "@/modules/identity/permissions.ts";

const uid = () => randomBytes(4).toString("hex");

export async function createCompany(overrides: { name?: string; status?: "TRIAL" | "ACTIVE" | "SUSPENDED" } = {}) {
  const id = uid();
  return unsafeUnscopedDb().company.create({
    data: { name: overrides.name ?? `Test Co ${id}`, slug: `test-${id}`, status: overrides.status ?? "ACTIVE" },
  });
}

export async function createUser(opts: { companyId?: string; role?: Role; name?: string; operator?: boolean } = {}) {
  const id = uid();
  const user = await unsafeUnscopedDb().user.create({
    data: { email: `user-${id}@example.test`, name: opts.name ?? `User ${id}`, isPlatformOperator: opts.operator ?? false },
  });
  if (opts.companyId) {
    await unsafeUnscopedDb().companyMembership.create({ data: { companyId: opts.companyId, userId: user.id, role: opts.role ?? "ADMIN" } });
  }
  return user;
}

/** A signed-in session row (the login fixture: no form involved); returns the cookie token. */
export async function createSession(userId: string, companyId: string | null) {
  const token = randomToken();
  const now = Date.now();
  await unsafeUnscopedDb().session.create({
    data: {
      tokenHash: sha256(token),
      userId,
      activeCompanyId: companyId,
      idleExpiresAt: new Date(now + 3600_000),
      absoluteExpiresAt: new Date(now + 86400_000),
    },
  });
  return token;
}

export function contextFor(user: { id: string; email: string; name: string }, companyId: string, role: Role = "ADMIN"): TenantContext {
  const ctx: RequestContext = {
    requestId: `test-${uid()}`,
    ip: "127.0.0.1",
    userAgent: "vitest",
    sessionId: null,
    user: { ...user, isPlatformOperator: false },
    impersonatorId: null,
    mfaEnrolmentPending: false,
    companyId,
    companyStatus: "ACTIVE",
    role,
    capabilities: effectiveCapabilities(role),
  };
  return requireTenant(ctx);
}

/** A company with an admin (and its context): the usual starting point. */
export async function tenantWithAdmin(role: Role = "ADMIN") {
  const company = await createCompany();
  const user = await createUser({ companyId: company.id, role });
  return { company, user, ctx: contextFor(user, company.id, role) };
}
