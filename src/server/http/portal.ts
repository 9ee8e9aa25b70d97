/** Portal pages: the signed-in tenant context and the company chrome, each read once per request. */
import { cache } from "react";
import { getCompanyChrome } from "@/modules/company/company.service.ts";
import { requireTenant, type TenantContext } from "../context.ts";
import type { Policy } from "./operation.ts";
import { loadOrUnavailable, requirePage } from "./page.ts";

/** Enforces the page's policy, then binds to the active company. */
export async function requireTenantPage(policy: Policy): Promise<TenantContext> {
  return requireTenant(await requirePage(policy));
}

export const loadChrome = cache(async (ctx: TenantContext) => loadOrUnavailable(() => getCompanyChrome(ctx)));
