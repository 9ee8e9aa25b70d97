import { auditApi } from "@/modules/audit/audit.api.ts";
import { listAuditEvents } from "@/modules/audit/audit.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(auditApi.list, async ({ ctx, query }) => listAuditEvents(requireTenant(ctx), query));
