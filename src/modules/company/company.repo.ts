import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import type { CompanySettingsInput } from "./company.schema.ts";

/** The tenant client narrows Company to the context's own row. */
export async function findOwnCompany(db: TenantDb | TenantTx, companyId: string) {
  return db.company.findUnique({ where: { id: companyId } });
}

export async function updateOwnCompany(tx: TenantTx, companyId: string, data: CompanySettingsInput) {
  return tx.company.update({ where: { id: companyId }, data });
}
