import { z } from "zod";
import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import {
  createCreditNoteInput,
  createInvoiceInput,
  invoiceDetail,
  invoiceList,
  listInvoicesQuery,
  listPaymentsQuery,
  listUnappliedQuery,
  paymentList,
  paymentOutput,
  recordPaymentInput,
  recordRefundInput,
  resolveUnappliedInput,
  unappliedPaymentList,
  unappliedPaymentOutput,
  updateInvoiceInput,
  voidInvoiceInput,
} from "./invoices.schema.ts";

const view = policy.can("invoices.view");
const manage = policy.can("invoices.manage");
const pay = policy.can("payments.manage");
const tag = "Invoices";

export const invoicesApi = {
  list: defineOperation({ method: "GET", path: "/api/admin/invoices", summary: "Invoices, newest first; filter by status, client, issue date or overdue; with a totals row over every page", tag, policy: view, query: listInvoicesQuery, response: invoiceList }),
  create: defineOperation({ method: "POST", path: "/api/admin/invoices", summary: "Create a draft invoice from an accepted quote (full or deposit), from a job, or blank", tag, policy: manage, body: createInvoiceInput, response: invoiceDetail, successStatus: 201 }),
  get: defineOperation({ method: "GET", path: "/api/admin/invoices/{id}", summary: "An invoice with lines, totals, payments, credit notes and emails sent", tag, policy: view, params: idParams, response: invoiceDetail }),
  update: defineOperation({ method: "PATCH", path: "/api/admin/invoices/{id}", summary: "Edit a draft (fields and/or all lines); issued invoices are immutable (409)", tag, policy: manage, params: idParams, body: updateInvoiceInput, response: invoiceDetail }),
  issue: defineOperation({ method: "POST", path: "/api/admin/invoices/{id}/issue", summary: "Issue a draft: next gapless number, tax point, due date, frozen snapshot, PDF", tag, policy: manage, params: idParams, response: invoiceDetail }),
  send: defineOperation({ method: "POST", path: "/api/admin/invoices/{id}/send", summary: "Email the invoice contacts the PDF and a link to view and pay", tag, policy: manage, params: idParams, response: invoiceDetail }),
  void: defineOperation({ method: "POST", path: "/api/admin/invoices/{id}/void", summary: "Void an invoice with no payments or credits, with a reason (never deleted)", tag, policy: manage, params: idParams, body: voidInvoiceInput, response: invoiceDetail }),
  payments: defineOperation({ method: "POST", path: "/api/admin/invoices/{id}/payments", summary: "Record a manual payment (bank transfer, cash, cheque, other); overpayment refused (409)", tag, policy: pay, params: idParams, body: recordPaymentInput, response: paymentOutput, successStatus: 201 }),
  creditNotes: defineOperation({ method: "POST", path: "/api/admin/invoices/{id}/credit-notes", summary: "Issue a credit note (full or partial) against an issued invoice; never more than is outstanding", tag, policy: manage, params: idParams, body: createCreditNoteInput, response: invoiceDetail, successStatus: 201 }),
};

export const paymentsApi = {
  list: defineOperation({ method: "GET", path: "/api/admin/payments", summary: "Payments, newest first; filter by invoice", tag: "Payments", policy: view, query: listPaymentsQuery, response: paymentList }),
  get: defineOperation({ method: "GET", path: "/api/admin/payments/{id}", summary: "A payment with its refunds", tag: "Payments", policy: view, params: idParams, response: paymentOutput }),
  refund: defineOperation({ method: "POST", path: "/api/admin/payments/{id}/refunds", summary: "Record a refund on a payment (at most what is left of it)", tag: "Payments", policy: pay, params: idParams, body: recordRefundInput, response: paymentOutput, successStatus: 201 }),
  unappliedList: defineOperation({ method: "GET", path: "/api/admin/payments/unapplied", summary: "Card money that couldn't be applied (its invoice was voided or paid meanwhile), newest first; filter by status", tag: "Payments", policy: view, query: listUnappliedQuery, response: unappliedPaymentList }),
  unappliedResolve: defineOperation({ method: "POST", path: "/api/admin/payments/unapplied/{id}/resolve", summary: "Close unapplied card money: refund it (through Stripe when connected, else by hand with a note) or resolve it with a note", tag: "Payments", policy: pay, params: idParams, body: resolveUnappliedInput, response: unappliedPaymentOutput }),
};

export const invoiceTokenParams = z.object({ token: z.string().min(1).max(100) });

export const invoiceLinkApi = {
  pdf: defineOperation({ method: "GET", path: "/api/public/invoices/{token}/pdf", summary: "The invoice PDF for the holder of the link", tag: "Client links", policy: policy.public(), params: invoiceTokenParams, response: z.unknown() }),
};
