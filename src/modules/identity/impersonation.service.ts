/**
 * An admin acting as another member of the same company. The impersonation session belongs to
 * the member and carries the admin as `impersonatorId`, so every audit event written while it
 * lasts names both. Starting and stopping rotate the session; the admin's own session ends when
 * they start and a fresh one is issued when they stop.
 */
import { auditPlatform } from "@/server/audit/audit.ts";
import { assertCan, type RequestContext, type TenantContext } from "@/server/context.ts";
import { badRequest, conflict, notFound, unauthenticated } from "@/server/errors/errors.ts";
import { rotateSession, type RotatedSession } from "./auth.service.ts";
import { findActiveMemberships, findUserById, revokeSessionById, userTransaction } from "./identity.repo.ts";
import { requireOwnAccount } from "./mfa.service.ts";
import { effectiveCapabilities, ROLE_HOME, type RoleName } from "./permissions.ts";
import { findSessionById } from "./session.repo.ts";
import { SESSION_ABSOLUTE_MS } from "./session.service.ts";
import { findMember } from "./users.repo.ts";

/** An impersonation lasts at most an hour (less if the admin's own session ends sooner). */
export const IMPERSONATION_MAX_MS = 60 * 60_000;

export async function startImpersonation(ctx: TenantContext, userId: string): Promise<{ redirectTo: string; session: RotatedSession }> {
  assertCan(ctx, "users.impersonate");
  const admin = requireOwnAccount(ctx);
  if (userId === admin.id) throw badRequest("You can't act as yourself.");
  const target = await findMember(ctx.db, userId);
  if (!target) throw notFound();
  if (target.status !== "ACTIVE") throw conflict("This person is deactivated. Reactivate them first.");
  if (target.role === "ADMIN" || target.user.isPlatformOperator) throw conflict("Admins and platform operators can't be impersonated.");

  const current = ctx.sessionId ? await findSessionById(ctx.sessionId) : null;
  const until = Math.min(Date.now() + IMPERSONATION_MAX_MS, current?.absoluteExpiresAt.getTime() ?? Infinity);
  const session = await rotateSession(
    ctx,
    { userId, companyId: ctx.companyId, impersonatorId: admin.id, absoluteExpiresAt: new Date(until) },
    async (tx, newSessionId) => {
      await auditPlatform(
        ctx,
        { companyId: ctx.companyId, entityType: "User", entityId: userId, action: "auth.impersonation_started", metadata: { sessionId: newSessionId, targetName: target.user.name } },
        tx,
      );
    },
  );
  return { redirectTo: ROLE_HOME[target.role as RoleName], session };
}

/**
 * Back to the admin: the impersonation session ends and the admin gets their own session again,
 * if they can still impersonate in this company (otherwise they are simply signed out).
 */
export async function stopImpersonation(ctx: RequestContext): Promise<{ redirectTo: string; session: RotatedSession | null }> {
  if (!ctx.user) throw unauthenticated();
  if (!ctx.impersonatorId) throw conflict("You're not acting as another user.");
  const adminId = ctx.impersonatorId;
  const admin = await findUserById(adminId);
  const membership = admin ? (await findActiveMemberships(admin.id)).find((m) => m.companyId === ctx.companyId) : undefined;
  const stillAllowed = !!membership && effectiveCapabilities(membership.role as RoleName).has("users.impersonate") && membership.company.status !== "SUSPENDED";
  const stopped = { companyId: ctx.companyId, entityType: "User", entityId: ctx.user.id, action: "auth.impersonation_stopped" };
  if (!admin || !membership || !stillAllowed) {
    await userTransaction(async (tx) => {
      if (ctx.sessionId) await revokeSessionById(ctx.sessionId, tx);
      await auditPlatform(ctx, { ...stopped, metadata: { adminSignedOut: true } }, tx);
    });
    return { redirectTo: "/login", session: null };
  }
  const session = await rotateSession(
    ctx,
    { userId: admin.id, companyId: membership.companyId, absoluteExpiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS) },
    async (tx, newSessionId) => {
      await auditPlatform(ctx, { ...stopped, metadata: { sessionId: newSessionId } }, tx);
    },
  );
  return { redirectTo: ROLE_HOME[membership.role as RoleName], session };
}
