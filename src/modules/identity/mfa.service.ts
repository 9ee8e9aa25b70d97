/**
 * MFA on the user's own account: enrol (secret sealed at rest, QR rendered locally), confirm with a
 * code (then ten recovery codes, shown once), disable with password + code. Turning MFA on or off
 * rotates the session.
 */
import { openSecret, sealSecret } from "@/server/auth/secret-box.ts";
import { forbidden, conflict, unauthenticated, validationFailed } from "@/server/errors/errors.ts";
import type { RequestContext } from "@/server/context.ts";
import { consume, type Limit } from "@/server/rate-limit/rate-limit.ts";
import { auditAccount, checkSecondFactor, rotateSession, type RotatedSession } from "./auth.service.ts";
import type { MfaConfirmInput, MfaDisableInput, MfaEnrolmentView } from "./identity.schema.ts";
import { countUnusedRecoveryCodes, disableMfa as clearMfa, enableMfa, findActiveMemberships, findUserById, setPendingMfaSecret } from "./identity.repo.ts";
import { MFA_SECRET_PURPOSE, mfaEnrolmentRequired, newRecoveryCodes, newTotpSecret, otpauthUri, qrCodeDataUrl, recoveryCodeHash, verifyTotp } from "./mfa.ts";
import { verifyPassword } from "./password.ts";

/** Password + code guesses when turning MFA off. */
export const MFA_DISABLE_LIMIT: Limit = { name: "mfa-disable", limit: 5, windowMs: 15 * 60_000 };

/** The signed-in person acting on their own account (not an admin acting as them). */
export function requireOwnAccount(ctx: RequestContext) {
  if (!ctx.user) throw unauthenticated();
  if (ctx.impersonatorId) throw forbidden("You're acting as another user. Stop acting as them to change account security.");
  return ctx.user;
}

async function loadUser(ctx: RequestContext) {
  const acting = requireOwnAccount(ctx);
  const user = await findUserById(acting.id);
  if (!user) throw unauthenticated();
  return user;
}

/** Does any company this person works in require MFA for their role? */
async function requiredByACompany(userId: string): Promise<string | null> {
  const memberships = await findActiveMemberships(userId);
  const m = memberships.find((x) => mfaEnrolmentRequired({ companyRequires: x.company.mfaRequiredForStaff, role: x.role, mfaEnabled: false }));
  return m?.company.name ?? null;
}

export type MfaStatus = { enabled: boolean; enabledAt: string | null; recoveryCodesLeft: number; requiredBy: string | null };

export async function getMfaStatus(ctx: RequestContext): Promise<MfaStatus> {
  if (!ctx.user) throw unauthenticated();
  const user = await findUserById(ctx.user.id);
  if (!user) throw unauthenticated();
  return {
    enabled: !!user.mfaEnabledAt,
    enabledAt: user.mfaEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.mfaEnabledAt ? await countUnusedRecoveryCodes(user.id) : 0,
    requiredBy: await requiredByACompany(user.id),
  };
}

export async function startMfaEnrolment(ctx: RequestContext): Promise<MfaEnrolmentView> {
  const user = await loadUser(ctx);
  if (user.mfaEnabledAt) throw conflict("Two-factor authentication is already on.");
  const secret = newTotpSecret();
  if (!(await setPendingMfaSecret(user.id, sealSecret(secret, MFA_SECRET_PURPOSE)))) throw conflict("Two-factor authentication is already on.");
  const uri = otpauthUri(secret, user.email);
  return { secret, otpauthUri: uri, qrCodeDataUrl: await qrCodeDataUrl(uri) };
}

export async function confirmMfaEnrolment(ctx: RequestContext, input: MfaConfirmInput): Promise<{ recoveryCodes: string[]; session: RotatedSession }> {
  const user = await loadUser(ctx);
  if (user.mfaEnabledAt) throw conflict("Two-factor authentication is already on.");
  if (!user.mfaSecretEnc) throw conflict("Start the set-up again: scan a new QR code first.");
  const step = await verifyTotp(openSecret(user.mfaSecretEnc, MFA_SECRET_PURPOSE), input.code, null);
  if (step === null) {
    throw validationFailed("That code didn't work.", { code: "That code didn't match. Check the time on your phone and enter the current code." });
  }
  const recoveryCodes = newRecoveryCodes();
  const session = await rotateSession(ctx, { userId: user.id, companyId: ctx.companyId, mfaEnrolmentPending: false }, async (tx, newSessionId) => {
    if (!(await enableMfa(tx, user.id, step, recoveryCodes.map(recoveryCodeHash), new Date()))) throw conflict("Two-factor authentication is already on.");
    await auditAccount(ctx, { entityType: "User", entityId: user.id, action: "auth.mfa_enabled", metadata: { sessionId: newSessionId } }, tx);
  });
  return { recoveryCodes, session };
}

export async function disableMfa(ctx: RequestContext, input: MfaDisableInput): Promise<RotatedSession> {
  const user = await loadUser(ctx);
  if (!user.mfaEnabledAt) throw conflict("Two-factor authentication is already off.");
  await consume(MFA_DISABLE_LIMIT, user.id);
  const requiredBy = await requiredByACompany(user.id);
  if (requiredBy) throw conflict(`${requiredBy} requires two-factor authentication for your role, so it has to stay on.`);
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    await auditAccount(ctx, { entityType: "User", entityId: user.id, action: "auth.mfa_disable_failed", metadata: { reason: "bad_password" } });
    throw validationFailed("Your password or code is incorrect.", { password: "That password is incorrect." });
  }
  if (!(await checkSecondFactor(user, input.code))) {
    await auditAccount(ctx, { entityType: "User", entityId: user.id, action: "auth.mfa_disable_failed", metadata: { reason: "bad_code" } });
    throw validationFailed("Your password or code is incorrect.", { code: "That code didn't work." });
  }
  return rotateSession(ctx, { userId: user.id, companyId: ctx.companyId }, async (tx, newSessionId) => {
    await clearMfa(tx, user.id);
    await auditAccount(ctx, { entityType: "User", entityId: user.id, action: "auth.mfa_disabled", metadata: { sessionId: newSessionId } }, tx);
  });
}
