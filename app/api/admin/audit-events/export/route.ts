import { auditApi } from "@/modules/audit/audit.api.ts";
import { exportAuditTrail } from "@/modules/audit/audit.service.ts";
import { getCompanyChrome } from "@/modules/company/company.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(auditApi.export, async ({ ctx, body }) => {
  const tenant = requireTenant(ctx);
  const { timeZone } = await getCompanyChrome(tenant);
  return exportAuditTrail(tenant, body, timeZone);
});
