/** The signed-in person's own sessions and companies: list and end sessions, switch company. */
import { auditPlatform } from "@/server/audit/audit.ts";
import { MFA_ENROLMENT_PAGE } from "@/server/http/page-paths.ts";
import type { RequestContext } from "@/server/context.ts";
import { badRequest, notFound, unauthenticated } from "@/server/errors/errors.ts";
import { auditAccount, rotateSession, type RotatedSession } from "./auth.service.ts";
import { describeDevice } from "./device.ts";
import type { SessionView, SwitchCompanyInput } from "./identity.schema.ts";
import { findActiveMemberships, findUserById } from "./identity.repo.ts";
import { requireOwnAccount } from "./mfa.service.ts";
import { mfaEnrolmentRequired } from "./mfa.ts";
import { ROLE_HOME, type RoleName } from "./permissions.ts";
import { findLiveSessionsOfUser, revokeOtherSessionsOfUser, revokeSessionOfUser } from "./session.repo.ts";

export async function listMySessions(ctx: RequestContext): Promise<{ items: SessionView[]; nextCursor: null }> {
  if (!ctx.user) throw unauthenticated();
  const rows = await findLiveSessionsOfUser(ctx.user.id, new Date());
  const items = rows.map((s) => ({
    id: s.id,
    device: describeDevice(s.userAgent),
    ip: s.ip,
    companyName: s.activeCompany?.name ?? null,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    current: s.id === ctx.sessionId,
    impersonated: !!s.impersonatorId,
  }));
  // This device first, then the most recently used.
  items.sort((a, b) => Number(b.current) - Number(a.current));
  return { items, nextCursor: null };
}

export async function revokeMySession(ctx: RequestContext, sessionId: string): Promise<void> {
  const user = requireOwnAccount(ctx);
  if (!(await revokeSessionOfUser(user.id, sessionId))) throw notFound();
  await auditAccount(ctx, { entityType: "Session", entityId: sessionId, action: "auth.session_revoked" });
}

export async function revokeMyOtherSessions(ctx: RequestContext): Promise<{ revoked: number }> {
  const user = requireOwnAccount(ctx);
  if (!ctx.sessionId) throw unauthenticated();
  const revoked = await revokeOtherSessionsOfUser(user.id, ctx.sessionId);
  await auditAccount(ctx, { entityType: "User", entityId: user.id, action: "auth.other_sessions_revoked", metadata: { revoked } });
  return { revoked };
}

export type MyCompany = { id: string; name: string; role: RoleName; suspended: boolean; current: boolean };

export async function listMyCompanies(ctx: RequestContext): Promise<MyCompany[]> {
  if (!ctx.user) return [];
  const memberships = await findActiveMemberships(ctx.user.id);
  return memberships
    .map((m) => ({ id: m.companyId, name: m.company.name, role: m.role as RoleName, suspended: m.company.status === "SUSPENDED", current: m.companyId === ctx.companyId }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Moves the session to another company the person is an active member of (a new session token;
 * the old session ends). Recorded in both companies' audit trails.
 */
export async function switchCompany(ctx: RequestContext, input: SwitchCompanyInput): Promise<{ redirectTo: string; session: RotatedSession }> {
  const acting = requireOwnAccount(ctx);
  if (input.companyId === ctx.companyId) throw badRequest("You're already working in that company.", { companyId: "Choose another company" });
  const user = await findUserById(acting.id);
  if (!user) throw unauthenticated();
  const target = (await findActiveMemberships(user.id)).find((m) => m.companyId === input.companyId);
  // Not a member and no such company look the same.
  if (!target) throw notFound();
  const role = target.role as RoleName;
  const mfaEnrolmentPending = mfaEnrolmentRequired({ companyRequires: target.company.mfaRequiredForStaff, role, mfaEnabled: !!user.mfaEnabledAt });
  const from = ctx.companyId;
  const session = await rotateSession(ctx, { userId: user.id, companyId: target.companyId, mfaEnrolmentPending }, async (tx, newSessionId) => {
    const metadata = { fromCompanyId: from, toCompanyId: target.companyId, sessionId: newSessionId };
    if (from) await auditPlatform(ctx, { companyId: from, entityType: "User", entityId: user.id, action: "auth.company_switched_away", metadata }, tx);
    await auditPlatform(
      { ...ctx, companyId: target.companyId },
      { companyId: target.companyId, entityType: "User", entityId: user.id, action: "auth.company_switched", metadata },
      tx,
    );
  });
  const redirectTo = target.company.status === "SUSPENDED" ? "/suspended" : mfaEnrolmentPending ? MFA_ENROLMENT_PAGE : ROLE_HOME[role];
  return { redirectTo, session };
}
