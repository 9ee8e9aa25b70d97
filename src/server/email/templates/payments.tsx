/** Payment emails: a receipt for a card payment, and overdue reminders. */
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout.tsx";
import { defineTemplate } from "./template.ts";

export const invoicePaymentReceipt = defineTemplate({
  name: "invoice.payment-receipt",
  props: z.object({
    contactName: z.string(),
    invoiceNumber: z.string(),
    amount: z.string(),
    paidOn: z.string(),
    method: z.string(),
    balance: z.string(),
    paidInFull: z.boolean(),
    url: z.url(),
  }),
  subject: (p) => `Payment received: ${p.amount} for invoice ${p.invoiceNumber}`,
  html: (p, b) => (
    <EmailLayout branding={b} preview={`Thank you: ${p.amount} received for ${p.invoiceNumber}`}>
      <p>Hello {p.contactName},</p>
      <p>
        Thank you: we received <strong>{p.amount}</strong> by {p.method} on {p.paidOn} for invoice <strong>{p.invoiceNumber}</strong>.
      </p>
      <p>{p.paidInFull ? "The invoice is now paid in full." : `${p.balance} is still outstanding on this invoice.`}</p>
      <EmailButton href={p.url} color={b.brandColor}>
        View the invoice
      </EmailButton>
      <p style={{ color: "#6b7280", fontSize: 13 }}>Keep this email as your receipt.</p>
    </EmailLayout>
  ),
  text: (p) =>
    `Hello ${p.contactName},\n\nThank you: we received ${p.amount} by ${p.method} on ${p.paidOn} for invoice ${p.invoiceNumber}.\n\n${p.paidInFull ? "The invoice is now paid in full." : `${p.balance} is still outstanding on this invoice.`}\n\nView the invoice: ${p.url}\n\nKeep this email as your receipt.`,
});

export const invoiceOverdueReminder = defineTemplate({
  name: "invoice.overdue-reminder",
  props: z.object({
    contactName: z.string(),
    invoiceNumber: z.string(),
    dueDate: z.string(),
    daysLate: z.number().int(),
    stage: z.number().int(),
    balance: z.string(),
    /** Statutory late-payment interest and compensation (business clients, when the company turns it on). */
    interest: z.string().nullable(),
    compensation: z.string().nullable(),
    annualRate: z.string().nullable(),
    totalClaimed: z.string(),
    url: z.url(),
  }),
  subject: (p) => `${p.stage > 1 ? "Reminder: " : ""}Invoice ${p.invoiceNumber} is ${p.daysLate} days overdue (${p.balance})`,
  html: (p, b) => (
    <EmailLayout branding={b} preview={`Invoice ${p.invoiceNumber}: ${p.balance} was due on ${p.dueDate}`}>
      <p>Hello {p.contactName},</p>
      <p>
        Our records show that invoice <strong>{p.invoiceNumber}</strong> was due on {p.dueDate} and <strong>{p.balance}</strong> is still outstanding. If
        you have already paid, thank you, and please ignore this reminder.
      </p>
      {p.interest || p.compensation ? (
        <p>
          Under the Late Payment of Commercial Debts (Interest) Act 1998 we are entitled to claim
          {p.interest ? ` statutory interest of ${p.interest} (${p.annualRate} a year, simple, daily since the due date)` : ""}
          {p.interest && p.compensation ? " and" : ""}
          {p.compensation ? ` fixed compensation of ${p.compensation}` : ""}. The total now due is <strong>{p.totalClaimed}</strong>.
        </p>
      ) : null}
      <EmailButton href={p.url} color={b.brandColor}>
        View and pay the invoice
      </EmailButton>
    </EmailLayout>
  ),
  text: (p) =>
    `Hello ${p.contactName},\n\nOur records show that invoice ${p.invoiceNumber} was due on ${p.dueDate} and ${p.balance} is still outstanding. If you have already paid, thank you, and please ignore this reminder.\n\n${
      p.interest || p.compensation
        ? `Under the Late Payment of Commercial Debts (Interest) Act 1998 we are entitled to claim${p.interest ? ` statutory interest of ${p.interest} (${p.annualRate} a year, simple, daily since the due date)` : ""}${p.interest && p.compensation ? " and" : ""}${p.compensation ? ` fixed compensation of ${p.compensation}` : ""}. The total now due is ${p.totalClaimed}.\n\n`
        : ""
    }View and pay the invoice: ${p.url}`,
});
