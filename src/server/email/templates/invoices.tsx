/** Invoice emails: an invoice sent to the client, with the PDF attached and a link to view and pay. */
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout.tsx";
import { defineTemplate } from "./template.ts";

export const invoiceSent = defineTemplate({
  name: "invoice.sent",
  props: z.object({
    contactName: z.string(),
    companyName: z.string(),
    invoiceNumber: z.string(),
    title: z.string(),
    amountDue: z.string(),
    total: z.string(),
    dueDate: z.string(),
    url: z.url(),
  }),
  subject: (p) => `Invoice ${p.invoiceNumber} from ${p.companyName}: ${p.amountDue} due by ${p.dueDate}`,
  html: (p, b) => (
    <EmailLayout branding={b} preview={`Invoice ${p.invoiceNumber}: ${p.amountDue} due by ${p.dueDate}`}>
      <p>Hello {p.contactName},</p>
      <p>
        Please find attached invoice <strong>{p.invoiceNumber}</strong> for <strong>{p.title}</strong>. The amount due is <strong>{p.amountDue}</strong>, payable by{" "}
        {p.dueDate}.
      </p>
      <EmailButton href={p.url} color={b.brandColor}>
        View the invoice and how to pay
      </EmailButton>
      <p style={{ color: "#6b7280", fontSize: 13 }}>The page shows the invoice, what you have paid so far and our bank details. No account needed.</p>
    </EmailLayout>
  ),
  text: (p) =>
    `Hello ${p.contactName},\n\nPlease find attached invoice ${p.invoiceNumber} for ${p.title}. The amount due is ${p.amountDue}, payable by ${p.dueDate}.\n\nView the invoice and how to pay:\n${p.url}\n\nNo account needed.`,
});
