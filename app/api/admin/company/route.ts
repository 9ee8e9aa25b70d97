import { companyApi } from "@/modules/company/company.api.ts";
import { getCompany, updateCompanySettings } from "@/modules/company/company.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(companyApi.get, async ({ ctx }) => getCompany(requireTenant(ctx)));
export const PATCH = route(companyApi.update, async ({ ctx, body }) => updateCompanySettings(requireTenant(ctx), body));
