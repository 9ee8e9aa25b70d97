import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { auditEventList, auditEventOutput, listAuditEventsQuery } from "./audit.schema.ts";

export const auditApi = {
  list: defineOperation({
    method: "GET",
    path: "/api/admin/audit-events",
    summary: "List the company's audit events, newest first (filter by entity or action)",
    tag: "Audit",
    policy: policy.can("audit.view"),
    query: listAuditEventsQuery,
    response: auditEventList,
  }),
  get: defineOperation({
    method: "GET",
    path: "/api/admin/audit-events/{id}",
    summary: "One audit event",
    tag: "Audit",
    policy: policy.can("audit.view"),
    params: idParams,
    response: auditEventOutput,
  }),
};
