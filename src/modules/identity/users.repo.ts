import type { TenantDb } from "@/server/db/tenancy.ts";

export async function countActiveMembersByRole(db: TenantDb) {
  return db.companyMembership.groupBy({ by: ["role"], where: { status: "ACTIVE" }, _count: { _all: true } });
}
