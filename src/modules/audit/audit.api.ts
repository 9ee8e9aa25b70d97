import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { z } from "zod";
import { auditEventList, auditEventOutput, exportAuditInput, listAuditEventsQuery } from "./audit.schema.ts";

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
  export: defineOperation({
    method: "POST",
    path: "/api/admin/audit-events/export",
    summary: "Queue a PDF of a record's change history; poll /api/admin/files?entityType=AuditExport&entityId=<exportId>",
    tag: "Audit",
    policy: policy.can("audit.view"),
    body: exportAuditInput,
    response: z.object({ exportId: z.uuid() }),
    successStatus: 202,
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
