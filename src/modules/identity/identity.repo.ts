/**
 * Users and their memberships across companies. A user is not tenant data: sign-in has to find
 * them before any tenant is known, so these queries use the raw client, each filtered by user.
 */
import { unsafeUnscopedDb } from "@/server/db/client.ts";

export async function findUserByEmail(email: string) {
  return unsafeUnscopedDb().user.findUnique({ where: { email } });
}

export async function updatePasswordHash(userId: string, passwordHash: string) {
  await unsafeUnscopedDb().user.update({ where: { id: userId }, data: { passwordHash } });
}

/** The user's active memberships with company status, oldest first. */
export async function findActiveMemberships(userId: string) {
  return unsafeUnscopedDb().companyMembership.findMany({
    where: { userId, status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { companyId: true, role: true, company: { select: { id: true, name: true, status: true } } },
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

export async function insertSession(data: {
  tokenHash: string;
  userId: string;
  activeCompanyId: string | null;
  ip: string | null;
  userAgent: string | null;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  impersonatorId?: string | null;
}) {
  return unsafeUnscopedDb().session.create({ data });
}

export async function revokeSessionById(id: string) {
  await unsafeUnscopedDb().session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
}
