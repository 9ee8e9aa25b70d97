/** Quote emails: a quote sent to the client. */
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout.tsx";
import { defineTemplate } from "./template.ts";

export const quoteSent = defineTemplate({
  name: "quote.sent",
  props: z.object({
    contactName: z.string(),
    quoteNumber: z.string(),
    title: z.string(),
    total: z.string(),
    validUntil: z.string(),
    version: z.number().int(),
    url: z.url(),
  }),
  subject: (p) => `Quote ${p.quoteNumber}${p.version > 1 ? ` (revised)` : ""}: ${p.title}`,
  html: (p, b) => (
    <EmailLayout branding={b} preview={`Your quote from ${b.companyName}: ${p.total}`}>
      <p>Hello {p.contactName},</p>
      <p>
        {p.version > 1 ? "Here is our revised quote" : "Thank you for asking us to quote"} for <strong>{p.title}</strong>. The total is{" "}
        <strong>{p.total}</strong> including VAT, and the quote is valid until {p.validUntil}.
      </p>
      <EmailButton href={p.url} color={b.brandColor}>
        View and accept the quote
      </EmailButton>
      <p style={{ color: "#6b7280", fontSize: 13 }}>You can choose options, accept with your signature or ask us for changes on that page. No account needed.</p>
    </EmailLayout>
  ),
  text: (p) =>
    `Hello ${p.contactName},\n\n${p.version > 1 ? "Here is our revised quote" : "Thank you for asking us to quote"} for ${p.title}. The total is ${p.total} including VAT, and the quote is valid until ${p.validUntil}.\n\nView and accept the quote:\n${p.url}\n\nNo account needed.`,
});
