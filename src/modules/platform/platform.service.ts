import type { RequestContext } from "@/server/context.ts";
import { forbidden } from "@/server/errors/errors.ts";
import { listCompaniesWithCounts } from "./platform.repo.ts";

export async function listTenants(ctx: RequestContext) {
  if (!ctx.user?.isPlatformOperator) throw forbidden();
  return listCompaniesWithCounts();
}
