/** Every email template, by name. Areas add theirs here. */
import { invite, magicLink, passwordReset } from "./auth.tsx";
import { quoteAcceptedClient, quoteAcceptedOffice, quoteResponseOffice, quoteSent } from "./quotes.tsx";
import { enquiryReceived } from "./enquiries.tsx";
import { invoiceSent } from "./invoices.tsx";
import { visitScheduled } from "./schedule.tsx";
import { invoiceOverdueReminder, invoicePaymentReceipt } from "./payments.tsx";
import { paymentUnappliedOffice } from "./unapplied.tsx";
import type { EmailTemplate } from "./template.ts";

const TEMPLATES: EmailTemplate[] = [magicLink, passwordReset, invite, enquiryReceived, quoteSent, quoteAcceptedClient, quoteAcceptedOffice, quoteResponseOffice, visitScheduled] as EmailTemplate[];
// Payments: card payment receipts and overdue reminders.
TEMPLATES.push(...([invoicePaymentReceipt, invoiceOverdueReminder] as EmailTemplate[]));
// Invoices: an issued invoice sent to the client.
TEMPLATES.push(invoiceSent as EmailTemplate);
// Card money that no longer fits its invoice: an alert to the office.
TEMPLATES.push(paymentUnappliedOffice as EmailTemplate);

export const EMAIL_TEMPLATES: ReadonlyMap<string, EmailTemplate> = new Map(TEMPLATES.map((t) => [t.name, t]));

/** Categories a recipient can't mute: they carry sign-in and security messages. */
export const UNMUTABLE_CATEGORIES = new Set(["auth", "security"]);
