import { z } from "zod";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";

export const listAuditEventsQuery = pageQuery.extend({
  entityType: z.string().trim().min(1).max(64).optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  action: z.string().trim().min(1).max(64).optional(),
});
export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuery>;

export const auditEventOutput = z.object({
  id: z.uuid(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  impersonator: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  metadata: z.unknown().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type AuditEventView = z.infer<typeof auditEventOutput>;

export const auditEventList = listResponse(auditEventOutput);

export const exportAuditInput = z.object({
  entityType: z.string().trim().min(1).max(64),
  entityId: z.string().trim().min(1).max(64),
  /** Shown in the PDF heading, e.g. "Company settings". */
  label: z.string().trim().min(1).max(120),
});
export type ExportAuditInput = z.infer<typeof exportAuditInput>;
