/**
 * Sign-in (password, then a TOTP or recovery code when the user has MFA), sign-out and session
 * rotation. Unknown email and wrong password look the same to the caller (same message, same
 * timing); every failure is audited with the reason for the office to see. Both sign-in paths
 * end in `completeSignIn`, so a session is always created the same way.
 */
import type { User } from "@/generated/prisma/client.ts";
import { audit, auditPlatform, type AuditInput } from "@/server/audit/audit.ts";
import { randomToken, sha256 } from "@/server/auth/tokens.ts";
import { requireTenant, type RequestContext } from "@/server/context.ts";
import { AppError, rateLimited, unauthenticated } from "@/server/errors/errors.ts";
import { clearFailures, consume, lockRemainingMs, recordFailure, type Limit } from "@/server/rate-limit/rate-limit.ts";
import { tenantDb } from "@/server/db/tenancy.ts";
import { openSecret } from "@/server/auth/secret-box.ts";
import { MFA_ENROLMENT_PAGE } from "@/server/http/page-paths.ts";
import type { LoginInput, MfaCodeInput } from "./identity.schema.ts";
import {
  advanceMfaStep,
  consumeAuthToken,
  countTokenAttempt,
  findActiveMemberships,
  findAuthToken,
  findLastActiveCompanyId,
  findUserByEmail,
  findUserById,
  insertAuthToken,
  insertSession,
  revokeSessionById,
  updatePasswordHash,
  spendRecoveryCode,
  userTransaction,
  type UserTx,
} from "./identity.repo.ts";
import { isTotpCode, MFA_SECRET_PURPOSE, mfaEnrolmentRequired, recoveryCodeHash, verifyTotp } from "./mfa.ts";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./password.ts";
import { effectiveCapabilities, ROLE_HOME, type RoleName } from "./permissions.ts";
import { findSessionById } from "./session.repo.ts";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./session.service.ts";

export const LOGIN_LIMIT: Limit = { name: "login", limit: 10, windowMs: 15 * 60_000 };
/** Wrong codes allowed per MFA challenge; the next attempt needs a fresh password sign-in. */
export const MFA_ATTEMPTS_PER_CHALLENGE = 5;
export const MFA_CHALLENGE_TTL_MS = 5 * 60_000;
const INVALID = "Email or password is incorrect.";
const CHALLENGE_EXPIRED = "This sign-in has expired. Sign in again with your email and password.";
const BAD_CODE = "That code didn't work. Enter the current code from your authenticator app, or a recovery code.";

export type SignInResult =
  | { kind: "session"; token: string; redirectTo: string; maxAgeSeconds: number }
  | { kind: "mfa"; challengeToken: string; maxAgeSeconds: number };

/** Sign-in and sign-out are recorded for a suspended company too: skip only the status check. */
function tenantContextIgnoringSuspension(ctx: RequestContext) {
  return requireTenant({ ...ctx, companyStatus: ctx.companyStatus === "SUSPENDED" ? "ACTIVE" : ctx.companyStatus });
}

/**
 * Records an event about the acting user's own account: in their active company's trail when
 * they have one (a platform-level event otherwise), inside `tx` when given.
 */
export async function auditAccount(ctx: RequestContext, e: AuditInput, tx?: UserTx) {
  return auditPlatform(ctx, { ...e, companyId: ctx.companyId }, tx);
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

  return afterFirstFactor(ctx, user, "password");
}

/**
 * The user proved the first factor (password, or a magic link from their inbox): a session, or
 * an MFA challenge first when they have MFA.
 */
export async function afterFirstFactor(ctx: RequestContext, user: User, method: "password" | "magic_link"): Promise<SignInResult> {
  if (user.mfaEnabledAt && user.mfaSecretEnc) {
    const challengeToken = randomToken();
    await insertAuthToken({
      purpose: "MFA_CHALLENGE",
      tokenHash: sha256(challengeToken),
      userId: user.id,
      email: user.email,
      ip: ctx.ip,
      expiresAt: new Date(Date.now() + MFA_CHALLENGE_TTL_MS),
    });
    return { kind: "mfa", challengeToken, maxAgeSeconds: MFA_CHALLENGE_TTL_MS / 1000 };
  }
  return completeSignIn(ctx, user, method);
}

/**
 * Checks a second factor: a TOTP code (±1 step, never a step already used) or an unused recovery
 * code (used up by this call). Returns which one matched, or null.
 */
export async function checkSecondFactor(user: User, code: string): Promise<"totp" | "recovery_code" | null> {
  if (!user.mfaSecretEnc) return null;
  const compact = code.replace(/\s+/g, "");
  if (isTotpCode(compact)) {
    const step = await verifyTotp(openSecret(user.mfaSecretEnc, MFA_SECRET_PURPOSE), compact, user.mfaLastStep);
    return step !== null && (await advanceMfaStep(user.id, step)) ? "totp" : null;
  }
  if (!user.mfaEnabledAt) return null;
  return (await spendRecoveryCode(user.id, recoveryCodeHash(compact), new Date())) ? "recovery_code" : null;
}

/** Second step of sign-in for users with MFA: the challenge cookie from step one plus a code. */
export async function verifyMfaSignIn(ctx: RequestContext, challengeToken: string | undefined, input: MfaCodeInput): Promise<SignInResult & { kind: "session" }> {
  const now = new Date();
  const challenge = challengeToken ? await findAuthToken(sha256(challengeToken), "MFA_CHALLENGE") : null;
  if (!challenge?.userId || challenge.usedAt || challenge.expiresAt <= now) throw unauthenticated(CHALLENGE_EXPIRED);
  if (!(await countTokenAttempt(challenge.id, MFA_ATTEMPTS_PER_CHALLENGE, now))) {
    await auditPlatform(ctx, { entityType: "User", entityId: challenge.userId, action: "auth.login_failed", metadata: { email: challenge.email, reason: "mfa_attempts_exhausted" } });
    throw unauthenticated(CHALLENGE_EXPIRED);
  }
  const user = await findUserById(challenge.userId);
  if (!user?.mfaEnabledAt) throw unauthenticated(CHALLENGE_EXPIRED);
  const method = await checkSecondFactor(user, input.code);
  if (!method) {
    await auditPlatform(ctx, { entityType: "User", entityId: user.id, action: "auth.login_failed", metadata: { email: user.email, reason: "bad_mfa_code" } });
    const last = challenge.attempts + 1 >= MFA_ATTEMPTS_PER_CHALLENGE;
    throw unauthenticated(last ? `That code didn't work, and that was the last try. ${CHALLENGE_EXPIRED}` : BAD_CODE);
  }
  if (!(await consumeAuthToken(challenge.id, now))) throw unauthenticated(CHALLENGE_EXPIRED);
  return completeSignIn(ctx, user, method === "totp" ? "password+totp" : "password+recovery_code");
}

/** Creates the session for a user who has proved who they are, records it, and says where to go. */
export async function completeSignIn(ctx: RequestContext, user: User, method: string): Promise<SignInResult & { kind: "session" }> {
  const memberships = await findActiveMemberships(user.id);
  if (memberships.length === 0 && !user.isPlatformOperator) throw unauthenticated(INVALID);
  const lastCompanyId = await findLastActiveCompanyId(user.id);
  const membership = memberships.find((m) => m.companyId === lastCompanyId) ?? memberships[0] ?? null;
  const role = (membership?.role ?? null) as RoleName | null;
  const mfaEnrolmentPending = mfaEnrolmentRequired({
    companyRequires: !!membership?.company.mfaRequiredForStaff,
    role,
    mfaEnabled: !!user.mfaEnabledAt,
  });
  const token = randomToken();
  const now = Date.now();
  const session = await insertSession({
    tokenHash: sha256(token),
    userId: user.id,
    activeCompanyId: membership?.companyId ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    idleExpiresAt: new Date(now + SESSION_IDLE_MS),
    absoluteExpiresAt: new Date(now + SESSION_ABSOLUTE_MS),
    mfaEnrolmentPending,
  });

  const acting = { id: user.id, email: user.email, name: user.name, isPlatformOperator: user.isPlatformOperator };
  const event: AuditInput = { entityType: "User", entityId: user.id, action: "auth.login", metadata: { sessionId: session.id, method } };
  if (membership && role) {
    const signedIn = tenantContextIgnoringSuspension({
      ...ctx,
      user: acting,
      sessionId: session.id,
      companyId: membership.companyId,
      companyStatus: membership.company.status,
      role,
      capabilities: effectiveCapabilities(role),
    });
    await audit(tenantDb(membership.companyId), signedIn, event);
  } else {
    await auditPlatform({ ...ctx, user: acting }, event);
  }

  const redirectTo = !membership || !role
    ? "/platform"
    : membership.company.status === "SUSPENDED"
      ? "/suspended"
      : mfaEnrolmentPending
        ? MFA_ENROLMENT_PAGE
        : ROLE_HOME[role];
  return { kind: "session", token, redirectTo, maxAgeSeconds: Math.floor(SESSION_ABSOLUTE_MS / 1000) };
}

export type RotatedSession = { token: string; sessionId: string; maxAgeSeconds: number };

/**
 * Privilege change (MFA on/off, company switch, impersonation start/stop): a new token for a new
 * session row, and the current session revoked in the same transaction. The new session keeps the
 * old one's absolute expiry unless told otherwise, so rotating never extends a session's life.
 */
export async function rotateSession(
  ctx: RequestContext,
  next: { userId: string; companyId: string | null; impersonatorId?: string | null; mfaEnrolmentPending?: boolean; absoluteExpiresAt?: Date },
  within?: (tx: UserTx, newSessionId: string) => Promise<void>,
): Promise<RotatedSession> {
  const now = Date.now();
  const current = ctx.sessionId ? await findSessionById(ctx.sessionId) : null;
  const absolute = next.absoluteExpiresAt ?? current?.absoluteExpiresAt ?? new Date(now + SESSION_ABSOLUTE_MS);
  const token = randomToken();
  const session = await userTransaction(async (tx) => {
    if (ctx.sessionId) await revokeSessionById(ctx.sessionId, tx);
    const created = await insertSession(
      {
        tokenHash: sha256(token),
        userId: next.userId,
        activeCompanyId: next.companyId,
        impersonatorId: next.impersonatorId ?? null,
        mfaEnrolmentPending: next.mfaEnrolmentPending ?? false,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        idleExpiresAt: new Date(Math.min(now + SESSION_IDLE_MS, absolute.getTime())),
        absoluteExpiresAt: absolute,
      },
      tx,
    );
    if (within) await within(tx, created.id);
    return created;
  });
  return { token, sessionId: session.id, maxAgeSeconds: Math.max(0, Math.floor((absolute.getTime() - now) / 1000)) };
}

export async function signOut(ctx: RequestContext): Promise<void> {
  if (!ctx.sessionId || !ctx.user) return;
  await revokeSessionById(ctx.sessionId);
  if (ctx.companyId) {
    await audit(tenantDb(ctx.companyId), tenantContextIgnoringSuspension(ctx), { entityType: "User", entityId: ctx.user.id, action: "auth.logout" });
  }
}
