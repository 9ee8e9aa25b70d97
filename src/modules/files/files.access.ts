import type { Capability } from "@/modules/identity/permissions.ts";
import { assertJobAccess } from "@/modules/jobs/job-access.ts";
import type { TenantContext } from "@/server/context.ts";

/**
 * Who may see a stored file depends on the record it belongs to. Areas add their record types
 * (Quote → quotes.manage, Invoice → invoices.view, …); a type not listed here is never served.
 */
export const FILE_ACCESS: Record<string, Capability | readonly Capability[]> = {
  AuditExport: "audit.view",
  Agreement: "quotes.manage",
  QuoteVersion: "quotes.manage",
  Enquiry: "enquiries.manage",
  /** Job photos, files and the completion signature: the office, and engineers on that job. */
  Job: ["jobs.view", "jobs.view.assigned"],
};

/**
 * Record-level checks on top of the capability (any of the listed ones): throws NOT_FOUND when the
 * caller can't see the record the file belongs to (an engineer and someone else's job).
 */
export const FILE_RECORD_ACCESS: Record<string, (ctx: TenantContext, entityId: string) => Promise<unknown>> = {
  Job: (ctx, entityId) => assertJobAccess(ctx, entityId, "view"),
};
