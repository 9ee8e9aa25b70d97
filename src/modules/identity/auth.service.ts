/**
 * Password sign-in and sign-out. Unknown email and wrong password look the same to the caller
 * (same message, same timing); every failure is audited with the reason for the office to see.
 */
import { audit, auditPlatform } from "@/server/audit/audit.ts";
import { randomToken, sha256 } from "@/server/auth/tokens.ts";
import { requireTenant, type RequestContext } from "@/server/context.ts";
import { AppError, rateLimited } from "@/server/errors/errors.ts";
import { clearFailures, consume, lockRemainingMs, recordFailure, type Limit } from "@/server/rate-limit/rate-limit.ts";
import { tenantDb } from "@/server/db/tenancy.ts";
import type { LoginInput } from "./identity.schema.ts";
import { findActiveMemberships, findLastActiveCompanyId, findUserByEmail, insertSession, revokeSessionById, updatePasswordHash } from "./identity.repo.ts";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./password.ts";
import { effectiveCapabilities, ROLE_HOME, type RoleName } from "./permissions.ts";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./session.service.ts";

export const LOGIN_LIMIT: Limit = { name: "login", limit: 10, windowMs: 15 * 60_000 };
const INVALID = "Email or password is incorrect.";

export type SignInResult = { token: string; redirectTo: string; maxAgeSeconds: number };

async function startSession(ctx: RequestContext, userId: string, companyId: string | null, impersonatorId: string | null = null) {
  const token = randomToken();
  const now = Date.now();
  const session = await insertSession({
    tokenHash: sha256(token),
    userId,
    activeCompanyId: companyId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    idleExpiresAt: new Date(now + SESSION_IDLE_MS),
    absoluteExpiresAt: new Date(now + SESSION_ABSOLUTE_MS),
    impersonatorId,
  });
  return { token, session, maxAgeSeconds: Math.floor(SESSION_ABSOLUTE_MS / 1000) };
}

async function failSignIn(ctx: RequestContext, email: string, reason: string, userId?: string): Promise<never> {
  await auditPlatform(ctx, { entityType: "User", entityId: userId ?? null, action: "auth.login_failed", metadata: { email, reason } });
  const { lockedForMs } = await recordFailure(`login:${email}`);
  if (lockedForMs > 0) throw rateLimited(lockedForMs / 1000);
  throw new AppError("UNAUTHENTICATED", INVALID);
}

export async function signInWithPassword(ctx: RequestContext, input: LoginInput): Promise<SignInResult> {
  const email = input.email;
  try {
    await consume(LOGIN_LIMIT, `${ctx.ip ?? "unknown"}:${email}`);
  } catch (err) {
    if (err instanceof AppError && err.code === "RATE_LIMITED") {
      await auditPlatform(ctx, { entityType: "User", action: "auth.login_failed", metadata: { email, reason: "rate_limited" } });
    }
    throw err;
  }
  const lockedMs = await lockRemainingMs(`login:${email}`);
  if (lockedMs > 0) {
    await auditPlatform(ctx, { entityType: "User", action: "auth.login_failed", metadata: { email, reason: "locked" } });
    throw rateLimited(lockedMs / 1000);
  }

  const user = await findUserByEmail(email);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user) return failSignIn(ctx, email, "unknown_email");
  if (!ok || !user.passwordHash) return failSignIn(ctx, email, "bad_password", user.id);

  const memberships = await findActiveMemberships(user.id);
  if (memberships.length === 0 && !user.isPlatformOperator) return failSignIn(ctx, email, "no_company", user.id);
  await clearFailures(`login:${email}`);
  if (needsRehash(user.passwordHash)) await updatePasswordHash(user.id, await hashPassword(input.password));

  const lastCompanyId = await findLastActiveCompanyId(user.id);
  const membership = memberships.find((m) => m.companyId === lastCompanyId) ?? memberships[0] ?? null;
  const started = await startSession(ctx, user.id, membership?.companyId ?? null);

  if (membership) {
    const signedIn = tenantContextIgnoringSuspension({
      ...ctx,
      user: { id: user.id, email: user.email, name: user.name, isPlatformOperator: user.isPlatformOperator },
      sessionId: started.session.id,
      companyId: membership.companyId,
      companyStatus: membership.company.status,
      role: membership.role as RoleName,
      capabilities: effectiveCapabilities(membership.role as RoleName),
    });
    await audit(tenantDb(membership.companyId), signedIn, { entityType: "User", entityId: user.id, action: "auth.login", metadata: { sessionId: started.session.id } });
  } else {
    await auditPlatform({ ...ctx, user: { ...user } }, { entityType: "User", entityId: user.id, action: "auth.login" });
  }

  const redirectTo = !membership
    ? "/platform"
    : membership.company.status === "SUSPENDED"
      ? "/suspended"
      : ROLE_HOME[membership.role as RoleName];
  return { token: started.token, redirectTo, maxAgeSeconds: started.maxAgeSeconds };
}

export async function signOut(ctx: RequestContext): Promise<void> {
  if (!ctx.sessionId || !ctx.user) return;
  await revokeSessionById(ctx.sessionId);
  if (ctx.companyId) {
    await audit(tenantDb(ctx.companyId), tenantContextIgnoringSuspension(ctx), { entityType: "User", entityId: ctx.user.id, action: "auth.logout" });
  }
}

/** Sign-in and sign-out are recorded for a suspended company too: skip only the status check. */
function tenantContextIgnoringSuspension(ctx: RequestContext) {
  return requireTenant({ ...ctx, companyStatus: ctx.companyStatus === "SUSPENDED" ? "ACTIVE" : ctx.companyStatus });
}
