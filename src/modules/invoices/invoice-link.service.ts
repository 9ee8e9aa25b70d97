/**
 * The client's side of an invoice, through its link /i/<token> (no account): the issued snapshot,
 * what has been paid and credited, and the amount due. Unknown, revoked and expired links, and
 * drafts, all give the same answer (null → one friendly page that reveals nothing).
 */
import { sha256 } from "@/server/auth/tokens.ts";
import { tenantDb } from "@/server/db/tenancy.ts";
import { balanceDuePence } from "./invoice-money.ts";
import type { InvoiceSnapshot } from "./invoice-snapshot.ts";
import { isOverdue } from "./invoice-status.ts";
import { unsafeFindInvoiceLinkByTokenHash } from "./invoices.repo.ts";
import { todayIn } from "./invoices.service.ts";

export const INVOICE_LINK_GONE = "This invoice link is no longer valid.";

export type ClientInvoiceView = {
  companyId: string;
  invoiceId: string;
  status: "ISSUED" | "PART_PAID" | "PAID";
  overdue: boolean;
  snapshot: InvoiceSnapshot;
  branding: { name: string; brandColor: string; phone: string | null; email: string | null };
  paidPence: number;
  creditedPence: number;
  balancePence: number;
  payments: { receivedOn: string; method: string; amountPence: number; cisDeductionPence: number; refundedPence: number }[];
  creditNotes: { number: string; issueDate: string; reason: string; grossPence: number }[];
  pdfReady: boolean;
  /** Card payments: whether the company has a connected Stripe account that can take charges. */
  cardPaymentsEnabled: boolean;
  allowPartPayments: boolean;
};

/** The link's invoice, or null for anything that must look like "no such link". */
export async function resolveInvoiceLink(token: string) {
  const link = /^[A-Za-z0-9_-]{43}$/.test(token) ? await unsafeFindInvoiceLinkByTokenHash(sha256(token)) : null;
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= new Date())) return null;
  return link;
}

export async function viewInvoiceByLink(token: string, now: Date = new Date()): Promise<ClientInvoiceView | null> {
  const link = await resolveInvoiceLink(token);
  if (!link) return null;
  const db = tenantDb(link.companyId);
  const [invoice, company] = await Promise.all([
    db.invoice.findUnique({
      where: { id: link.invoiceId },
      include: { payments: { where: { status: "SUCCEEDED" }, orderBy: { receivedOn: "asc" } }, creditNotes: { orderBy: { id: "asc" } } },
    }),
    db.company.findFirst({ where: { id: link.companyId }, select: { name: true, brandPrimaryColor: true, phone: true, email: true, status: true, timeZone: true, stripeAccountId: true, stripeChargesEnabled: true, allowPartPayments: true } }),
  ]);
  if (!invoice || !company || company.status === "SUSPENDED" || !invoice.snapshot) return null;
  if (invoice.status !== "ISSUED" && invoice.status !== "PART_PAID" && invoice.status !== "PAID") return null;
  const pdf = await db.storedFile.findFirst({ where: { entityType: "Invoice", entityId: invoice.id, kind: "pdf:invoice" }, select: { id: true } });
  const snapshot = invoice.snapshot as unknown as InvoiceSnapshot;
  return {
    companyId: link.companyId,
    invoiceId: invoice.id,
    status: invoice.status,
    overdue: isOverdue({ ...invoice, dueDate: snapshot.dueDate }, todayIn(company.timeZone, now)),
    snapshot,
    branding: { name: company.name, brandColor: company.brandPrimaryColor, phone: company.phone, email: company.email },
    paidPence: invoice.paidPence,
    creditedPence: invoice.creditedPence,
    balancePence: Math.max(0, balanceDuePence(invoice)),
    payments: invoice.payments.map((p) => ({ receivedOn: p.receivedOn.toISOString().slice(0, 10), method: p.method, amountPence: p.amountPence, cisDeductionPence: p.cisDeductionPence, refundedPence: p.refundedPence })),
    creditNotes: invoice.creditNotes.map((c) => ({ number: c.number, issueDate: c.issueDate.toISOString().slice(0, 10), reason: c.reason, grossPence: (c.snapshot as { totals?: { creditPence?: number } } | null)?.totals?.creditPence ?? c.grossPence })),
    pdfReady: !!pdf,
    cardPaymentsEnabled: !!company.stripeAccountId && company.stripeChargesEnabled,
    allowPartPayments: company.allowPartPayments,
  };
}

/** The latest stored invoice PDF for the holder of a live link (null until the worker made it). */
export async function invoicePdfByLink(token: string) {
  const link = await resolveInvoiceLink(token);
  if (!link) return null;
  const db = tenantDb(link.companyId);
  const invoice = await db.invoice.findUnique({ where: { id: link.invoiceId }, select: { status: true } });
  if (!invoice || invoice.status === "DRAFT" || invoice.status === "VOID") return null;
  return db.storedFile.findFirst({ where: { entityType: "Invoice", entityId: link.invoiceId, kind: "pdf:invoice" }, orderBy: { id: "desc" } });
}
