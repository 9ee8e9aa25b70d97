/**
 * Sessions belong to users, not tenants. This repo uses the raw client on purpose: resolving a
 * session is the step that *finds* the tenant. The membership include is filtered explicitly by
 * the session's active company.
 */
import { unsafeUnscopedDb } from "@/server/db/client.ts";

export async function findLiveSessionByTokenHash(tokenHash: string, now: Date) {
  const session = await unsafeUnscopedDb().session.findUnique({
    where: { tokenHash },
    include: {
      user: { select: { id: true, email: true, name: true, isPlatformOperator: true } },
      activeCompany: { select: { id: true, status: true } },
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
