/** Words the invoice screens use for statuses, kinds and payment methods (pure). */
import type { InvoiceStatus } from "./invoices.schema.ts";

export const INVOICE_STATUS_LABELS: Readonly<Record<InvoiceStatus, string>> = {
  DRAFT: "Draft",
  ISSUED: "Issued",
  PART_PAID: "Part-paid",
  PAID: "Paid",
  VOID: "Void",
};

export const INVOICE_KIND_LABELS = { STANDARD: "Invoice", DEPOSIT: "Deposit invoice", FINAL: "Final invoice" } as const;

export const PAYMENT_METHOD_LABELS: Readonly<Record<string, string>> = {
  CARD: "Card",
  BANK_TRANSFER: "Bank transfer",
  CASH: "Cash",
  CHEQUE: "Cheque",
  OTHER: "Other",
};

/** The badge status word: overdue wins over issued/part-paid. */
export function invoiceBadge(i: { status: InvoiceStatus; overdue: boolean }): { status: string; label: string } {
  if (i.overdue) return { status: "overdue", label: `Overdue${i.status === "PART_PAID" ? " (part-paid)" : ""}` };
  return { status: i.status, label: INVOICE_STATUS_LABELS[i.status] };
}

/** Card money that no longer fits its invoice: where the office stands with it. */
export const UNAPPLIED_STATUS_LABELS = { OPEN: "Needs action", REFUNDED: "Refunded", RESOLVED: "Resolved" } as const;
