import { auditApi } from "@/modules/audit/audit.api.ts";
import { getAuditEvent } from "@/modules/audit/audit.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(auditApi.get, async ({ ctx, params }) => getAuditEvent(requireTenant(ctx), params.id));
