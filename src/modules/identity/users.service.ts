/**
 * The company's people: list, change role and capability overrides, deactivate/reactivate.
 * Guard rails: nobody edits their own membership, only an admin touches an admin (or makes one),
 * nobody grants what they don't hold, the last active admin stays, and a role change or
 * deactivation ends that person's sessions in this company.
 */
import { audit } from "@/server/audit/audit.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import { badRequest, conflict, forbidden, notFound } from "@/server/errors/errors.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { effectiveCapabilities, isGrantable, ROLE_CAPABILITIES, ROLES, type Capability, type RoleName } from "./permissions.ts";
import { countActiveAdmins, countActiveMembersByRole, findMember, findMembers, revokeMemberSessions, updateMember } from "./users.repo.ts";
import type { ListUsersQuery, UpdateUserInput, UserView } from "./users.schema.ts";

type Member = NonNullable<Awaited<ReturnType<typeof findMember>>>;

function view(m: Member): UserView {
  const role = m.role as RoleName;
  return {
    id: m.user.id,
    email: m.user.email,
    name: m.user.name,
    role,
    status: m.status,
    grantedCapabilities: m.grantedCapabilities,
    revokedCapabilities: m.revokedCapabilities,
    capabilities: [...effectiveCapabilities(role, m.grantedCapabilities, m.revokedCapabilities)],
    mfaEnabled: !!m.user.mfaEnabledAt,
    isPlatformOperator: m.user.isPlatformOperator,
    memberSince: m.createdAt.toISOString(),
  };
}

/** Active people per role in the company. */
export async function teamSummary(ctx: TenantContext): Promise<Record<RoleName, number>> {
  assertCan(ctx, "users.view");
  const rows = await countActiveMembersByRole(ctx.db);
  const out = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<RoleName, number>;
  for (const r of rows) out[r.role as RoleName] = r._count._all;
  return out;
}

export async function listUsers(ctx: TenantContext, q: ListUsersQuery) {
  assertCan(ctx, "users.view");
  const page = pageOf(await findMembers(ctx.db, q), q.limit);
  const items = page.items.map(view);
  return { items, nextCursor: page.nextCursor === null ? null : items[items.length - 1]!.id };
}

export async function getUser(ctx: TenantContext, userId: string): Promise<UserView> {
  assertCan(ctx, "users.view");
  const m = await findMember(ctx.db, userId);
  if (!m) throw notFound();
  return view(m);
}

async function loadManageable(ctx: TenantContext, userId: string, tx: Parameters<typeof findMember>[0]): Promise<Member> {
  const m = await findMember(tx, userId);
  if (!m) throw notFound();
  if (m.userId === ctx.user.id) throw conflict("You can't change your own access. Ask another admin.");
  if (m.role === "ADMIN" && ctx.role !== "ADMIN") throw forbidden("Only an admin can change another admin.");
  return m;
}

async function keepAnAdmin(tx: Parameters<typeof countActiveAdmins>[0], m: Member) {
  if (m.role === "ADMIN" && m.status === "ACTIVE" && (await countActiveAdmins(tx)) <= 1) {
    throw conflict("A company needs at least one active admin. Make someone else an admin first.");
  }
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export async function updateUser(ctx: TenantContext, userId: string, input: UpdateUserInput): Promise<UserView> {
  assertCan(ctx, "users.manage");
  return ctx.db.$transaction(async (tx) => {
    const m = await loadManageable(ctx, userId, tx);
    const before = view(m);
    const role = input.role ?? before.role;
    if (role === "ADMIN" && ctx.role !== "ADMIN") throw forbidden("Only an admin can make someone an admin.");
    if (role !== before.role) await keepAnAdmin(tx, m);

    const roleSet = ROLE_CAPABILITIES[role];
    const requestedGrants = unique(input.grantedCapabilities ?? (before.grantedCapabilities as Capability[]));
    const notAllowed = requestedGrants.filter((c) => !isGrantable(role, c));
    if (input.grantedCapabilities && notAllowed.length) {
      throw badRequest("Some permissions can't be given to this role.", { grantedCapabilities: `Not for this role: ${notAllowed.join(", ")}` });
    }
    const granted = requestedGrants.filter((c) => isGrantable(role, c) && !roleSet.has(c));
    if (input.grantedCapabilities && granted.some((c) => !ctx.capabilities.has(c))) {
      throw forbidden("You can only give permissions you have yourself.");
    }
    const revoked = unique(input.revokedCapabilities ?? (before.revokedCapabilities as Capability[])).filter((c) => roleSet.has(c));

    const updated = await updateMember(tx, m.id, { role, grantedCapabilities: granted, revokedCapabilities: revoked });
    const after = view(updated);
    if (after.role !== before.role) {
      const sessionsEnded = await revokeMemberSessions(tx, ctx.companyId, userId);
      await audit(tx, ctx, { entityType: "User", entityId: userId, action: "user.role_changed", before: { role: before.role }, after: { role: after.role }, metadata: { sessionsEnded } });
    }
    const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
    if (!sameSet(after.grantedCapabilities, before.grantedCapabilities) || !sameSet(after.revokedCapabilities, before.revokedCapabilities)) {
      await audit(tx, ctx, {
        entityType: "User",
        entityId: userId,
        action: "user.capabilities_changed",
        before: { grantedCapabilities: before.grantedCapabilities, revokedCapabilities: before.revokedCapabilities },
        after: { grantedCapabilities: after.grantedCapabilities, revokedCapabilities: after.revokedCapabilities },
      });
    }
    return after;
  });
}

export async function deactivateUser(ctx: TenantContext, userId: string): Promise<UserView> {
  assertCan(ctx, "users.manage");
  return ctx.db.$transaction(async (tx) => {
    const m = await loadManageable(ctx, userId, tx);
    if (m.status === "DEACTIVATED") return view(m);
    await keepAnAdmin(tx, m);
    const updated = await updateMember(tx, m.id, { status: "DEACTIVATED" });
    const sessionsEnded = await revokeMemberSessions(tx, ctx.companyId, userId);
    await audit(tx, ctx, { entityType: "User", entityId: userId, action: "user.deactivated", before: { status: m.status }, after: { status: "DEACTIVATED" }, metadata: { sessionsEnded } });
    return view(updated);
  });
}

export async function reactivateUser(ctx: TenantContext, userId: string): Promise<UserView> {
  assertCan(ctx, "users.manage");
  return ctx.db.$transaction(async (tx) => {
    const m = await loadManageable(ctx, userId, tx);
    if (m.status === "ACTIVE") return view(m);
    const updated = await updateMember(tx, m.id, { status: "ACTIVE" });
    await audit(tx, ctx, { entityType: "User", entityId: userId, action: "user.reactivated", before: { status: m.status }, after: { status: "ACTIVE" } });
    return view(updated);
  });
}
