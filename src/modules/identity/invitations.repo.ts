/**
 * Invitations are AuthToken rows (purpose INVITE) carrying the inviting company and role. AuthToken
 * is a user-level table (it also holds sign-in tokens), so it is not tenant-scoped: every company
 * query below filters by `inviteCompanyId` explicitly, and always from the context's company.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";

export async function findPendingInvitations(companyId: string, now: Date) {
  return unsafeUnscopedDb().authToken.findMany({
    where: { purpose: "INVITE", inviteCompanyId: companyId, usedAt: null, expiresAt: { gt: now } },
    orderBy: { id: "desc" },
    take: 100,
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
  });
}

/** Ends earlier pending invitations of this email to this company (the newest one wins). */
export async function retirePendingInvitations(tx: TenantTx, companyId: string, email: string, now: Date) {
  await tx.authToken.updateMany({ where: { purpose: "INVITE", inviteCompanyId: companyId, email, usedAt: null }, data: { usedAt: now } });
}

export async function insertInvitation(
  tx: TenantTx,
  data: { tokenHash: string; email: string; companyId: string; role: "ADMIN" | "OFFICE" | "ENGINEER" | "CLIENT"; userId: string | null; ip: string | null; expiresAt: Date },
) {
  return tx.authToken.create({
    data: { purpose: "INVITE", tokenHash: data.tokenHash, email: data.email, inviteCompanyId: data.companyId, role: data.role, userId: data.userId, ip: data.ip, expiresAt: data.expiresAt },
  });
}

/** Cancels one of this company's pending invitations; false when there is none with that id. */
export async function cancelInvitation(tx: TenantTx, companyId: string, id: string, now: Date): Promise<{ email: string } | null> {
  const found = await tx.authToken.findFirst({ where: { id, purpose: "INVITE", inviteCompanyId: companyId, usedAt: null }, select: { email: true } });
  if (!found) return null;
  await tx.authToken.update({ where: { id }, data: { usedAt: now } });
  return found;
}

/** The invitation behind a link, with its company (no tenant yet: the link is what finds it). */
export async function findInvitationByTokenHash(tokenHash: string) {
  const t = await unsafeUnscopedDb().authToken.findUnique({
    where: { tokenHash },
    include: { inviteCompany: { select: { id: true, name: true, status: true } } },
  });
  return t && t.purpose === "INVITE" && t.inviteCompany && t.role ? { ...t, inviteCompany: t.inviteCompany, role: t.role } : null;
}

export type AcceptTx = Prisma.TransactionClient;

export async function acceptTransaction<T>(fn: (tx: AcceptTx) => Promise<T>): Promise<T> {
  return unsafeUnscopedDb().$transaction(fn);
}

export async function consumeInvitation(tx: AcceptTx, id: string, now: Date): Promise<boolean> {
  const r = await tx.authToken.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return r.count === 1;
}

export async function findUserForInvite(tx: AcceptTx | ReturnType<typeof unsafeUnscopedDb>, email: string) {
  return tx.user.findUnique({ where: { email } });
}

export async function createInvitedUser(tx: AcceptTx, data: { email: string; name: string; passwordHash: string }) {
  return tx.user.create({ data: { ...data, passwordChangedAt: new Date() } });
}

export async function findMembershipOf(tx: AcceptTx | TenantTx | ReturnType<typeof unsafeUnscopedDb>, companyId: string, userId: string) {
  return tx.companyMembership.findUnique({ where: { companyId_userId: { companyId, userId } } });
}

export async function addMembership(tx: AcceptTx, companyId: string, userId: string, role: "ADMIN" | "OFFICE" | "ENGINEER" | "CLIENT") {
  return tx.companyMembership.create({ data: { companyId, userId, role } });
}
