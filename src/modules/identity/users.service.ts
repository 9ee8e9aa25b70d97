import { assertCan, type TenantContext } from "@/server/context.ts";
import { ROLES, type RoleName } from "./permissions.ts";
import { countActiveMembersByRole } from "./users.repo.ts";

/** Active people per role in the company. */
export async function teamSummary(ctx: TenantContext): Promise<Record<RoleName, number>> {
  assertCan(ctx, "users.view");
  const rows = await countActiveMembersByRole(ctx.db);
  const out = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<RoleName, number>;
  for (const r of rows) out[r.role as RoleName] = r._count._all;
  return out;
}
