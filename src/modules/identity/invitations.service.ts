/**
 * Invitations: an admin invites someone by email with a role; the email carries a single-use link
 * (7 days, only its hash stored) to /invite/<token>, where a new person sets their name and
 * password, or an existing Quantract user simply joins. Sent through the outbox in the same
 * transaction as the invitation.
 */
import { audit, auditPlatform } from "@/server/audit/audit.ts";
import { randomToken, sha256 } from "@/server/auth/tokens.ts";
import { env } from "@/server/config/env.ts";
import { assertCan, type RequestContext, type TenantContext } from "@/server/context.ts";
import { conflict, forbidden, notFound, validationFailed } from "@/server/errors/errors.ts";
import { queueEmail } from "@/server/email/queue-email.ts";
import { completeSignIn } from "./auth.service.ts";
import {
  acceptTransaction,
  addMembership,
  cancelInvitation,
  consumeInvitation,
  createInvitedUser,
  findInvitationByTokenHash,
  findMembershipOf,
  findPendingInvitations,
  findUserForInvite,
  insertInvitation,
  retirePendingInvitations,
} from "./invitations.repo.ts";
import type { AcceptInvitationInput, InvitationView, InviteUserInput } from "./invitations.schema.ts";
import { hashPassword } from "./password.ts";
import { passwordProblems } from "./password-policy.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { findOwnCompany } from "@/modules/company/company.repo.ts";

export const INVITE_TTL_DAYS = 7;
const EXPIRED = "This invitation has expired or has already been used. Ask whoever invited you to send a new one.";

export async function listInvitations(ctx: TenantContext): Promise<{ items: InvitationView[]; nextCursor: null }> {
  assertCan(ctx, "users.view");
  const rows = await findPendingInvitations(ctx.companyId, new Date());
  return {
    items: rows.map((r) => ({ id: r.id, email: r.email, role: r.role!, invitedAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() })),
    nextCursor: null,
  };
}

export async function inviteUser(ctx: TenantContext, input: InviteUserInput): Promise<InvitationView> {
  assertCan(ctx, "users.manage");
  if (input.role === "ADMIN" && ctx.role !== "ADMIN") throw forbidden("Only an admin can invite an admin.");
  const existing = await findUserForInvite(unsafeUnscopedDb(), input.email);
  const token = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 3600_000);
  return ctx.db.$transaction(async (tx) => {
    if (existing) {
      const membership = await findMembershipOf(tx, ctx.companyId, existing.id);
      if (membership?.status === "ACTIVE") throw conflict(`${input.email} is already a member of this company.`);
      if (membership) throw conflict(`${input.email} was deactivated here: reactivate them on the users page instead.`);
    }
    const company = await findOwnCompany(tx, ctx.companyId);
    if (!company) throw notFound();
    await retirePendingInvitations(tx, ctx.companyId, input.email, now);
    const invitation = await insertInvitation(tx, { tokenHash: sha256(token), email: input.email, companyId: ctx.companyId, role: input.role, userId: existing?.id ?? null, ip: ctx.ip, expiresAt });
    await queueEmail(tx, {
      companyId: ctx.companyId,
      to: [input.email],
      template: "auth.invite",
      props: { inviterName: ctx.user.name, companyName: company.name, role: input.role, days: INVITE_TTL_DAYS },
      secretProps: { url: `${env().APP_URL}/invite/${token}` },
      category: "auth",
      idempotencyKey: `invite:${invitation.id}`,
      priority: 1,
      entityType: "User",
      entityId: existing?.id,
    });
    await audit(tx, ctx, { entityType: "Invitation", entityId: invitation.id, action: "user.invited", after: { email: input.email, role: input.role, name: input.name } });
    return { id: invitation.id, email: input.email, role: input.role, invitedAt: invitation.createdAt.toISOString(), expiresAt: expiresAt.toISOString() };
  });
}

export async function revokeInvitation(ctx: TenantContext, id: string): Promise<void> {
  assertCan(ctx, "users.manage");
  await ctx.db.$transaction(async (tx) => {
    const cancelled = await cancelInvitation(tx, ctx.companyId, id, new Date());
    if (!cancelled) throw notFound();
    await audit(tx, ctx, { entityType: "Invitation", entityId: id, action: "user.invitation_cancelled", metadata: { email: cancelled.email } });
  });
}

/** What the invitation page shows; null for an unknown, used or expired link. */
export async function describeInvitation(token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const t = await findInvitationByTokenHash(sha256(token));
  if (!t || t.usedAt || t.expiresAt <= new Date() || t.inviteCompany.status === "SUSPENDED") return null;
  const existing = await findUserForInvite(unsafeUnscopedDb(), t.email);
  return { email: t.email, role: t.role, companyName: t.inviteCompany.name, existingUser: !!existing };
}

/**
 * Accepts an invitation. A new person is created with the password they chose and signed in; an
 * existing user gets the membership and signs in as usual (so their MFA still applies).
 */
export async function acceptInvitation(
  ctx: RequestContext,
  input: AcceptInvitationInput,
): Promise<{ redirectTo: string; session: { token: string; maxAgeSeconds: number } | null }> {
  const invitation = await findInvitationByTokenHash(sha256(input.token));
  const now = new Date();
  if (!invitation || invitation.usedAt || invitation.expiresAt <= now || invitation.inviteCompany.status === "SUSPENDED") throw notFound(EXPIRED);
  const existing = await findUserForInvite(unsafeUnscopedDb(), invitation.email);
  let passwordHash: string | null = null;
  if (!existing) {
    if (!input.name) throw validationFailed("Enter your name.", { name: "Enter your name" });
    if (!input.password) throw validationFailed("Choose a password.", { password: "Choose a password" });
    const problem = passwordProblems(input.password, invitation.email);
    if (problem) throw validationFailed(problem, { password: problem });
    passwordHash = await hashPassword(input.password);
  }
  const companyId = invitation.inviteCompany.id;
  const user = await acceptTransaction(async (tx) => {
    if (!(await consumeInvitation(tx, invitation.id, now))) throw notFound(EXPIRED);
    const person = existing ?? (await createInvitedUser(tx, { email: invitation.email, name: input.name!, passwordHash: passwordHash! }));
    const membership = await findMembershipOf(tx, companyId, person.id);
    if (membership) throw conflict("You're already a member of this company. Sign in instead.");
    await addMembership(tx, companyId, person.id, invitation.role);
    await auditPlatform(
      { ...ctx, user: { id: person.id, email: person.email, name: person.name, isPlatformOperator: person.isPlatformOperator } },
      { companyId, entityType: "User", entityId: person.id, action: "user.invitation_accepted", metadata: { invitationId: invitation.id, role: invitation.role, newAccount: !existing } },
      tx,
    );
    return person;
  });
  if (existing) return { redirectTo: "/login", session: null };
  const signedIn = await completeSignIn(ctx, user, "invitation");
  return { redirectTo: signedIn.redirectTo, session: { token: signedIn.token, maxAgeSeconds: signedIn.maxAgeSeconds } };
}
