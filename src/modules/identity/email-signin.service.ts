/**
 * Sign-in by email: a magic link (15 minutes) and password reset (30 minutes). Both answer the
 * same whether or not the account exists; tokens are single-use and only their hash is stored;
 * the emails go through the outbox with the link sealed, at high priority. A reset revokes every
 * session of the account and is audited.
 */
import { auditPlatform } from "@/server/audit/audit.ts";
import { randomToken, sha256 } from "@/server/auth/tokens.ts";
import { env } from "@/server/config/env.ts";
import type { RequestContext } from "@/server/context.ts";
import { queueEmail } from "@/server/email/queue-email.ts";
import { unauthenticated, validationFailed } from "@/server/errors/errors.ts";
import { consume, type Limit } from "@/server/rate-limit/rate-limit.ts";
import { afterFirstFactor, type SignInResult } from "./auth.service.ts";
import type { EmailOnlyInput, ResetPasswordInput, TokenInput } from "./email-signin.schema.ts";
import { consumeAuthToken, findActiveMemberships, findAuthToken, findUserByEmail, findUserById, userTransaction } from "./identity.repo.ts";
import { hashPassword } from "./password.ts";
import { passwordProblems } from "./password-policy.ts";

export const EMAIL_LINK_LIMIT: Limit = { name: "email-link", limit: 5, windowMs: 15 * 60_000 };
export const MAGIC_LINK_TTL_MS = 15 * 60_000;
export const RESET_TTL_MS = 30 * 60_000;
const LINK_INVALID = "This link has expired or has already been used. Ask for a new one.";

type Purpose = "MAGIC_LINK" | "PASSWORD_RESET";

/** Creates the token and queues its email in one transaction; silent for unknown accounts. */
async function sendLink(ctx: RequestContext, email: string, purpose: Purpose) {
  await consume(EMAIL_LINK_LIMIT, `${purpose}:${email}`);
  const user = await findUserByEmail(email);
  const memberships = user ? await findActiveMemberships(user.id) : [];
  const action = purpose === "MAGIC_LINK" ? "auth.magic_link_requested" : "auth.password_reset_requested";
  if (!user || (memberships.length === 0 && !user.isPlatformOperator)) {
    await auditPlatform(ctx, { entityType: "User", action, metadata: { email, sent: false } });
    return;
  }
  // Sign-in emails belong to the person's first company: its branding, and its mailbox in development.
  const companyId = memberships[0]?.companyId ?? null;
  const token = randomToken();
  const ttl = purpose === "MAGIC_LINK" ? MAGIC_LINK_TTL_MS : RESET_TTL_MS;
  const minutes = ttl / 60_000;
  const url = `${env().APP_URL}${purpose === "MAGIC_LINK" ? "/login/magic" : "/reset-password"}/${token}`;
  await userTransaction(async (tx) => {
    const row = await tx.authToken.create({
      data: { purpose, tokenHash: sha256(token), userId: user.id, email: user.email, ip: ctx.ip, expiresAt: new Date(Date.now() + ttl) },
    });
    await queueEmail(tx, {
      companyId,
      to: [user.email],
      template: purpose === "MAGIC_LINK" ? "auth.magic_link" : "auth.password_reset",
      props: { name: user.name.split(" ")[0] ?? user.name, minutes },
      secretProps: { url },
      category: "auth",
      idempotencyKey: `${purpose.toLowerCase()}:${row.id}`,
      priority: 1,
      entityType: "User",
      entityId: user.id,
    });
    await auditPlatform(ctx, { entityType: "User", entityId: user.id, companyId, action, metadata: { email, sent: true, tokenId: row.id } }, tx);
  });
}

export async function requestMagicLink(ctx: RequestContext, input: EmailOnlyInput) {
  await sendLink(ctx, input.email, "MAGIC_LINK");
}

export async function requestPasswordReset(ctx: RequestContext, input: EmailOnlyInput) {
  await sendLink(ctx, input.email, "PASSWORD_RESET");
}

async function liveToken(token: string, purpose: Purpose) {
  const row = await findAuthToken(sha256(token), purpose);
  if (!row?.userId || row.usedAt || row.expiresAt <= new Date()) return null;
  return row;
}

/** Whether a link is still usable (the page shows a friendly message when it isn't). */
export async function describeLink(token: string, purpose: Purpose): Promise<{ email: string } | null> {
  const row = /^[A-Za-z0-9_-]{43}$/.test(token) ? await liveToken(token, purpose) : null;
  return row ? { email: row.email } : null;
}

/** Uses a magic link: single use, then the same path as a password sign-in (MFA still applies). */
export async function signInWithMagicLink(ctx: RequestContext, input: TokenInput): Promise<SignInResult> {
  const row = await liveToken(input.token, "MAGIC_LINK");
  if (!row || !(await consumeAuthToken(row.id, new Date()))) throw unauthenticated(LINK_INVALID);
  const user = await findUserById(row.userId!);
  if (!user) throw unauthenticated(LINK_INVALID);
  return afterFirstFactor(ctx, user, "magic_link");
}

/** Sets a new password from a reset link; every session of the account ends; audited. */
export async function resetPassword(ctx: RequestContext, input: ResetPasswordInput): Promise<void> {
  const row = await liveToken(input.token, "PASSWORD_RESET");
  if (!row) throw unauthenticated(LINK_INVALID);
  const problem = passwordProblems(input.password, row.email);
  if (problem) throw validationFailed(problem, { password: problem });
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const memberships = await findActiveMemberships(row.userId!);
  await userTransaction(async (tx) => {
    const used = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (used.count !== 1) throw unauthenticated(LINK_INVALID);
    await tx.user.update({ where: { id: row.userId! }, data: { passwordHash, passwordChangedAt: now } });
    const revoked = await tx.session.updateMany({ where: { userId: row.userId!, revokedAt: null }, data: { revokedAt: now } });
    // Other reset links for the account die with this one.
    await tx.authToken.updateMany({ where: { userId: row.userId!, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: now } });
    await auditPlatform(
      ctx,
      { entityType: "User", entityId: row.userId!, companyId: memberships[0]?.companyId ?? null, action: "auth.password_reset", metadata: { sessionsRevoked: revoked.count } },
      tx,
    );
  });
}
