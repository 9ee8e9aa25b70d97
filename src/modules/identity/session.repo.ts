/**
 * Sessions belong to users, not tenants. This repo uses the raw client on purpose: resolving a
 * session is the step that *finds* the tenant. The membership include is filtered explicitly by
 * the session's active company; every other query is filtered by the session's own user.
 */
import { unsafeUnscopedDb } from "@/server/db/client.ts";

type SessionRole = "ADMIN" | "OFFICE" | "ENGINEER" | "CLIENT";
type SessionLookupRow = {
  id: string;
  userId: string;
  activeCompanyId: string | null;
  impersonatorId: string | null;
  mfaEnrolmentPending: boolean;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
  userEmail: string;
  userName: string;
  isPlatformOperator: boolean;
  mfaEnabledAt: Date | null;
  companyStatus: "TRIAL" | "ACTIVE" | "SUSPENDED" | null;
  mfaRequiredForStaff: boolean | null;
  role: SessionRole | null;
  membershipStatus: "ACTIVE" | "DEACTIVATED" | null;
  grantedCapabilities: string[] | null;
  revokedCapabilities: string[] | null;
};

/**
 * The session behind a cookie, with its user, active company and membership there: one statement
 * on every authenticated request (Prisma's include issued four; measured with `npm run bench`).
 */
export async function findLiveSessionByTokenHash(tokenHash: string, now: Date) {
  const rows = await unsafeUnscopedDb().$queryRaw<SessionLookupRow[]>`
    SELECT s."id", s."userId", s."activeCompanyId", s."impersonatorId", s."mfaEnrolmentPending",
           s."lastSeenAt", s."idleExpiresAt", s."absoluteExpiresAt", s."revokedAt",
           u."email" AS "userEmail", u."name" AS "userName", u."isPlatformOperator", u."mfaEnabledAt",
           c."status"::text AS "companyStatus", c."mfaRequiredForStaff",
           m."role"::text AS "role", m."status"::text AS "membershipStatus", m."grantedCapabilities", m."revokedCapabilities"
      FROM "Session" s
      JOIN "User" u ON u."id" = s."userId"
      LEFT JOIN "Company" c ON c."id" = s."activeCompanyId"
      LEFT JOIN "CompanyMembership" m ON m."companyId" = s."activeCompanyId" AND m."userId" = s."userId"
     WHERE s."tokenHash" = ${tokenHash}`;
  const r = rows[0];
  if (!r || r.revokedAt || r.idleExpiresAt <= now || r.absoluteExpiresAt <= now) return null;
  const session = {
    id: r.id,
    userId: r.userId,
    activeCompanyId: r.activeCompanyId,
    impersonatorId: r.impersonatorId,
    mfaEnrolmentPending: r.mfaEnrolmentPending,
    lastSeenAt: r.lastSeenAt,
    idleExpiresAt: r.idleExpiresAt,
    absoluteExpiresAt: r.absoluteExpiresAt,
    revokedAt: r.revokedAt,
    user: { id: r.userId, email: r.userEmail, name: r.userName, isPlatformOperator: r.isPlatformOperator, mfaEnabledAt: r.mfaEnabledAt },
    activeCompany: r.activeCompanyId && r.companyStatus ? { id: r.activeCompanyId, status: r.companyStatus, mfaRequiredForStaff: !!r.mfaRequiredForStaff } : null,
  };
  const membership =
    r.activeCompanyId && r.role && r.membershipStatus
      ? { role: r.role, status: r.membershipStatus, grantedCapabilities: r.grantedCapabilities ?? [], revokedCapabilities: r.revokedCapabilities ?? [] }
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
