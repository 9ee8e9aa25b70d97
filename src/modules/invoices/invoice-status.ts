/**
 * Invoice status (pure). DRAFT → ISSUED on issue; after that the status follows the money:
 * nothing settled → ISSUED, something paid → PART_PAID, balance settled → PAID (a refund or a
 * reversed payment moves it back). VOID only from DRAFT/ISSUED with no payments left, with a reason.
 */
import { balanceDuePence, type BalanceFields } from "./invoice-money.ts";
import type { InvoiceStatus } from "./invoices.schema.ts";

export const OPEN_STATUSES: readonly InvoiceStatus[] = ["ISSUED", "PART_PAID"];

/** The status an issued invoice has for its amounts. */
export function settledStatus(i: BalanceFields): "ISSUED" | "PART_PAID" | "PAID" {
  if (balanceDuePence(i) <= 0) return "PAID";
  return i.paidPence > 0 ? "PART_PAID" : "ISSUED";
}

/** Why an invoice can't be voided, or null when it can (payments fully refunded don't count). */
export function voidRefusal(i: { status: InvoiceStatus; paidPence: number; creditedPence: number }): string | null {
  if (i.status === "VOID") return "This invoice is already void.";
  if (i.paidPence > 0) return "An invoice with payments can't be voided: refund the payments first, or issue a credit note instead.";
  if (i.creditedPence > 0) return "An invoice with credit notes can't be voided.";
  return null;
}

/** Overdue: issued or part-paid, something still owed, and past its due date (dates as YYYY-MM-DD). */
export function isOverdue(i: BalanceFields & { status: InvoiceStatus; dueDate: string | null }, today: string): boolean {
  return (i.status === "ISSUED" || i.status === "PART_PAID") && i.dueDate !== null && i.dueDate < today && balanceDuePence(i) > 0;
}

/** Due date = issue date + payment terms (client override, else company default). */
export function dueDateFor(issueDate: string, termsDays: number): string {
  const d = new Date(`${issueDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + termsDays);
  return d.toISOString().slice(0, 10);
}
