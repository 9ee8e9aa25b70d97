import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import type { ListUsersQuery } from "./users.schema.ts";

const USER_FIELDS = { id: true, email: true, name: true, mfaEnabledAt: true, isPlatformOperator: true } as const;

export async function countActiveMembersByRole(db: TenantDb) {
  return db.companyMembership.groupBy({ by: ["role"], where: { status: "ACTIVE" }, _count: { _all: true } });
}

/** A page of the company's members, newest user first (user ids are time-ordered uuid v7). */
export async function findMembers(db: TenantDb, q: ListUsersQuery) {
  const search = q.q
    ? { user: { OR: [{ name: { contains: q.q, mode: "insensitive" as const } }, { email: { contains: q.q, mode: "insensitive" as const } }] } }
    : {};
  return db.companyMembership.findMany({
    take: q.limit + 1,
    orderBy: { userId: "desc" },
    where: {
      ...(q.cursor ? { userId: { lt: q.cursor } } : {}),
      ...(q.role ? { role: q.role } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...search,
    },
    include: { user: { select: USER_FIELDS } },
  });
}

/** One member of the context's company by user id (another company's user is simply not found). */
export async function findMember(db: TenantDb | TenantTx, userId: string) {
  return db.companyMembership.findFirst({ where: { userId }, include: { user: { select: USER_FIELDS } } });
}

export async function countActiveAdmins(db: TenantDb | TenantTx) {
  return db.companyMembership.count({ where: { role: "ADMIN", status: "ACTIVE" } });
}

export async function updateMember(
  tx: TenantTx,
  membershipId: string,
  data: { role?: "ADMIN" | "OFFICE" | "ENGINEER" | "CLIENT"; status?: "ACTIVE" | "DEACTIVATED"; grantedCapabilities?: string[]; revokedCapabilities?: string[] },
) {
  return tx.companyMembership.update({ where: { id: membershipId }, data, include: { user: { select: USER_FIELDS } } });
}

/**
 * Ends a member's sessions in this company. Session is a user-level table (not tenant-scoped),
 * so the company filter is explicit here: sessions in the person's other companies stay.
 */
export async function revokeMemberSessions(tx: TenantTx, companyId: string, userId: string): Promise<number> {
  const r = await tx.session.updateMany({ where: { userId, activeCompanyId: companyId, revokedAt: null }, data: { revokedAt: new Date() } });
  return r.count;
}
