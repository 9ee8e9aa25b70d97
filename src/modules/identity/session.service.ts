import { anonymousContext, type RequestContext } from "@/server/context.ts";
import { sha256 } from "@/server/auth/tokens.ts";
import { mfaEnrolmentRequired } from "./mfa.ts";
import { effectiveCapabilities } from "./permissions.ts";
import { findLiveSessionByTokenHash, touchSession } from "./session.repo.ts";

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** Don't write lastSeenAt on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

type Meta = { requestId: string; ip: string | null; userAgent: string | null };

/** Builds the request context from a session cookie token (anonymous when absent or dead). */
export async function contextFromSessionToken(token: string | undefined, meta: Meta): Promise<RequestContext> {
  const ctx = anonymousContext(meta);
  if (!token) return ctx;
  const now = new Date();
  const found = await findLiveSessionByTokenHash(sha256(token), now);
  if (!found) return ctx;
  const { session, membership } = found;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(session.id, now, new Date(Math.min(now.getTime() + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime())));
  }
  const activeMember = membership && membership.status === "ACTIVE" ? membership : null;
  const { mfaEnabledAt, ...user } = session.user;
  // Held at enrolment while the company requires MFA for this role and the person has none; an
  // impersonation session is not held (the admin behind it passed their own checks).
  const mfaEnrolmentPending =
    !!activeMember &&
    !session.impersonatorId &&
    !mfaEnabledAt &&
    (session.mfaEnrolmentPending ||
      mfaEnrolmentRequired({ companyRequires: !!session.activeCompany?.mfaRequiredForStaff, role: activeMember.role, mfaEnabled: false }));
  return {
    ...ctx,
    sessionId: session.id,
    user,
    impersonatorId: session.impersonatorId,
    mfaEnrolmentPending,
    companyId: activeMember ? session.activeCompanyId : null,
    companyStatus: activeMember ? (session.activeCompany?.status ?? null) : null,
    role: activeMember?.role ?? null,
    capabilities:
      activeMember && !mfaEnrolmentPending
        ? effectiveCapabilities(activeMember.role, activeMember.grantedCapabilities, activeMember.revokedCapabilities)
        : new Set(),
  };
}
