import type { Capability } from "@/modules/identity/permissions.ts";

/**
 * Who may see a stored file depends on the record it belongs to. Areas add their record types
 * (Quote → quotes.manage, Invoice → invoices.view, …); a type not listed here is never served.
 */
export const FILE_ACCESS: Record<string, Capability> = {
  AuditExport: "audit.view",
  Agreement: "quotes.manage",
  QuoteVersion: "quotes.manage",
  Enquiry: "enquiries.manage",
};
