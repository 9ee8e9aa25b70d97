/**
 * Users, their memberships across companies, their MFA factors and sign-in tokens. A user is not
 * tenant data: sign-in has to find them before any tenant is known, so these queries use the raw
 * client, each filtered by the user (or the token hash) it is about.
 */
import type { AuthTokenPurpose, Prisma } from "@/generated/prisma/client.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";

export type UserTx = Prisma.TransactionClient;

/** A transaction for user-level changes (MFA, sessions) and the audit event that records them. */
export async function userTransaction<T>(fn: (tx: UserTx) => Promise<T>): Promise<T> {
  return unsafeUnscopedDb().$transaction(fn);
}

export async function findUserByEmail(email: string) {
  return unsafeUnscopedDb().user.findUnique({ where: { email } });
}

export async function findUserById(id: string) {
  return unsafeUnscopedDb().user.findUnique({ where: { id } });
}

export async function updatePasswordHash(userId: string, passwordHash: string) {
  await unsafeUnscopedDb().user.update({ where: { id: userId }, data: { passwordHash } });
}

/** The user's active memberships with company status, oldest first. */
export async function findActiveMemberships(userId: string) {
  return unsafeUnscopedDb().companyMembership.findMany({
    where: { userId, status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: {
      companyId: true,
      role: true,
      company: { select: { id: true, name: true, status: true, mfaRequiredForStaff: true } },
    },
  });
}

/** The company the user last worked in (from their newest session), if any. */
export async function findLastActiveCompanyId(userId: string): Promise<string | null> {
  const s = await unsafeUnscopedDb().session.findFirst({
    where: { userId, activeCompanyId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { activeCompanyId: true },
  });
  return s?.activeCompanyId ?? null;
}

export type NewSession = {
  tokenHash: string;
  userId: string;
  activeCompanyId: string | null;
  ip: string | null;
  userAgent: string | null;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  impersonatorId?: string | null;
  mfaEnrolmentPending?: boolean;
};

export async function insertSession(data: NewSession, db: UserTx | ReturnType<typeof unsafeUnscopedDb> = unsafeUnscopedDb()) {
  return db.session.create({ data });
}

export async function revokeSessionById(id: string, db: UserTx | ReturnType<typeof unsafeUnscopedDb> = unsafeUnscopedDb()) {
  await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
}

// --- Sign-in tokens (MFA challenges here; emailed tokens share the table) --------------------

export async function insertAuthToken(data: {
  purpose: AuthTokenPurpose;
  tokenHash: string;
  userId: string | null;
  email: string;
  ip: string | null;
  expiresAt: Date;
}) {
  return unsafeUnscopedDb().authToken.create({ data });
}

export async function findAuthToken(tokenHash: string, purpose: AuthTokenPurpose) {
  const t = await unsafeUnscopedDb().authToken.findUnique({ where: { tokenHash } });
  return t && t.purpose === purpose ? t : null;
}

/**
 * Counts one attempt against a live token, atomically: false when the token is used, expired or
 * has no attempts left (so concurrent guesses cannot exceed the limit).
 */
export async function countTokenAttempt(id: string, maxAttempts: number, now: Date): Promise<boolean> {
  const r = await unsafeUnscopedDb().authToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  return r.count === 1;
}

/** Marks a token used; false when something else used it first. */
export async function consumeAuthToken(id: string, now: Date): Promise<boolean> {
  const r = await unsafeUnscopedDb().authToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  return r.count === 1;
}

// --- MFA -------------------------------------------------------------------------------------

/** Stores a new, not yet confirmed TOTP secret (replacing an unconfirmed one). */
export async function setPendingMfaSecret(userId: string, secretEnc: string): Promise<boolean> {
  const r = await unsafeUnscopedDb().user.updateMany({ where: { id: userId, mfaEnabledAt: null }, data: { mfaSecretEnc: secretEnc, mfaLastStep: null } });
  return r.count === 1;
}

export async function enableMfa(tx: UserTx, userId: string, step: number, recoveryCodeHashes: string[], now: Date): Promise<boolean> {
  const r = await tx.user.updateMany({ where: { id: userId, mfaEnabledAt: null, mfaSecretEnc: { not: null } }, data: { mfaEnabledAt: now, mfaLastStep: step } });
  if (r.count !== 1) return false;
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({ data: recoveryCodeHashes.map((codeHash) => ({ userId, codeHash })) });
  return true;
}

export async function disableMfa(tx: UserTx, userId: string) {
  await tx.user.update({ where: { id: userId }, data: { mfaSecretEnc: null, mfaEnabledAt: null, mfaLastStep: null } });
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
}

/** Accepts a TOTP step only if it is newer than the last accepted one (atomic: no replay race). */
export async function advanceMfaStep(userId: string, step: number): Promise<boolean> {
  const r = await unsafeUnscopedDb().user.updateMany({
    where: { id: userId, mfaEnabledAt: { not: null }, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: step } }] },
    data: { mfaLastStep: step },
  });
  return r.count === 1;
}

/** Uses a recovery code once; false when it is unknown or already used. */
export async function spendRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
  const r = await unsafeUnscopedDb().mfaRecoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: now } });
  return r.count >= 1;
}

export async function countUnusedRecoveryCodes(userId: string): Promise<number> {
  return unsafeUnscopedDb().mfaRecoveryCode.count({ where: { userId, usedAt: null } });
}
