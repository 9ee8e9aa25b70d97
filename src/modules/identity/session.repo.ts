/**
 * Sessions belong to users, not tenants. This repo uses the raw client on purpose: resolving a
 * session is the step that *finds* the tenant. The membership include is filtered explicitly by
 * the session's active company; every other query is filtered by the session's own user.
 */
import { unsafeUnscopedDb } from "@/server/db/client.ts";

export async function findLiveSessionByTokenHash(tokenHash: string, now: Date) {
  const session = await unsafeUnscopedDb().session.findUnique({
    where: { tokenHash },
    include: {
      user: { select: { id: true, email: true, name: true, isPlatformOperator: true, mfaEnabledAt: true } },
      activeCompany: { select: { id: true, status: true, mfaRequiredForStaff: true } },
    },
  });
  if (!session || session.revokedAt || session.idleExpiresAt <= now || session.absoluteExpiresAt <= now) return null;
  const membership = session.activeCompanyId
    ? await unsafeUnscopedDb().companyMembership.findUnique({
        where: { companyId_userId: { companyId: session.activeCompanyId, userId: session.userId } },
        select: { role: true, status: true, grantedCapabilities: true, revokedCapabilities: true },
      })
    : null;
  return { session, membership };
}

export async function touchSession(id: string, now: Date, idleExpiresAt: Date) {
  await unsafeUnscopedDb().session.update({ where: { id }, data: { lastSeenAt: now, idleExpiresAt } });
}

export async function findSessionById(id: string) {
  return unsafeUnscopedDb().session.findUnique({ where: { id } });
}

/** The user's sessions that can still be used, newest activity first. */
export async function findLiveSessionsOfUser(userId: string, now: Date) {
  return unsafeUnscopedDb().session.findMany({
    where: { userId, revokedAt: null, idleExpiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: {
      id: true,
      ip: true,
      userAgent: true,
      createdAt: true,
      lastSeenAt: true,
      impersonatorId: true,
      activeCompany: { select: { id: true, name: true } },
    },
  });
}

/** Ends one of the user's own sessions; false when it is not theirs or already ended. */
export async function revokeSessionOfUser(userId: string, sessionId: string): Promise<boolean> {
  const r = await unsafeUnscopedDb().session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return r.count === 1;
}

/** Ends every session of the user except `keepId`; returns how many ended. */
export async function revokeOtherSessionsOfUser(userId: string, keepId: string): Promise<number> {
  const r = await unsafeUnscopedDb().session.updateMany({
    where: { userId, revokedAt: null, id: { not: keepId } },
    data: { revokedAt: new Date() },
  });
  return r.count;
}
