/** To the office: card money Stripe took for an invoice that was voided or paid meanwhile (unapplied-payments.service.ts). */
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout.tsx";
import { defineTemplate } from "./template.ts";

export const paymentUnappliedOffice = defineTemplate({
  name: "payment.unapplied.office",
  props: z.object({ amount: z.string(), invoiceNumber: z.string(), clientName: z.string(), reason: z.string(), adminUrl: z.url() }),
  subject: (p) => `Card payment of ${p.amount} needs attention (${p.invoiceNumber})`,
  html: (p, b) => (
    <EmailLayout branding={b} preview={`${p.amount} from ${p.clientName} couldn't be applied to ${p.invoiceNumber}`}>
      <p>
        {p.clientName} paid <strong>{p.amount}</strong> by card for invoice <strong>{p.invoiceNumber}</strong>, but it couldn&apos;t be applied: {p.reason}
      </p>
      <p>The money is in your Stripe account. Refund it, or record how you resolved it.</p>
      <EmailButton href={p.adminUrl} color={b.brandColor}>
        Review unapplied payments
      </EmailButton>
    </EmailLayout>
  ),
  text: (p) =>
    `${p.clientName} paid ${p.amount} by card for invoice ${p.invoiceNumber}, but it couldn't be applied: ${p.reason}\n\nThe money is in your Stripe account. Refund it, or record how you resolved it: ${p.adminUrl}`,
});
