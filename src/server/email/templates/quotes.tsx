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

const acceptedProps = z.object({ quoteNumber: z.string(), title: z.string(), total: z.string(), signerName: z.string(), clientName: z.string() });

export const quoteAcceptedClient = defineTemplate({
  name: "quote.accepted.client",
  props: acceptedProps.extend({ url: z.url() }),
  subject: (p) => `You accepted quote ${p.quoteNumber}`,
  html: (p, b) => (
    <EmailLayout branding={b} preview={`Thank you: quote ${p.quoteNumber} accepted`}>
      <p>Thank you, {p.signerName}.</p>
      <p>
        You accepted quote {p.quoteNumber} for <strong>{p.title}</strong> ({p.total} including VAT). We&rsquo;ll be in touch to book the work.
      </p>
      <EmailButton href={p.url} color={b.brandColor}>
        View your signed agreement
      </EmailButton>
    </EmailLayout>
  ),
  text: (p) => `Thank you, ${p.signerName}.\n\nYou accepted quote ${p.quoteNumber} for ${p.title} (${p.total} including VAT). We'll be in touch to book the work.\n\nYour signed agreement: ${p.url}`,
});

export const quoteAcceptedOffice = defineTemplate({
  name: "quote.accepted.office",
  props: acceptedProps.extend({ adminUrl: z.url() }),
  subject: (p) => `Accepted: ${p.quoteNumber} ${p.title} (${p.total})`,
  html: (p, b) => (
    <EmailLayout branding={b} preview={`${p.clientName} accepted ${p.quoteNumber}`}>
      <p>
        <strong>{p.clientName}</strong> accepted quote {p.quoteNumber} for {p.title}: {p.total} including VAT, signed by {p.signerName}.
      </p>
      <EmailButton href={p.adminUrl} color={b.brandColor}>
        Open the quote
      </EmailButton>
    </EmailLayout>
  ),
  text: (p) => `${p.clientName} accepted quote ${p.quoteNumber} for ${p.title}: ${p.total} including VAT, signed by ${p.signerName}.\n\n${p.adminUrl}`,
});

export const quoteResponseOffice = defineTemplate({
  name: "quote.response.office",
  props: z.object({ quoteNumber: z.string(), title: z.string(), clientName: z.string(), declined: z.boolean(), comment: z.string(), adminUrl: z.url() }),
  subject: (p) => `${p.declined ? "Declined" : "Changes requested"}: ${p.quoteNumber} ${p.title}`,
  html: (p, b) => (
    <EmailLayout branding={b} preview={`${p.clientName} ${p.declined ? "declined" : "asked for changes to"} ${p.quoteNumber}`}>
      <p>
        <strong>{p.clientName}</strong> {p.declined ? "declined" : "asked for changes to"} quote {p.quoteNumber} ({p.title}):
      </p>
      <blockquote style={{ borderLeft: "3px solid #d1d5db", margin: "12px 0", padding: "4px 12px", color: "#374151" }}>{p.comment}</blockquote>
      <EmailButton href={p.adminUrl} color={b.brandColor}>
        Open the quote
      </EmailButton>
    </EmailLayout>
  ),
  text: (p) => `${p.clientName} ${p.declined ? "declined" : "asked for changes to"} quote ${p.quoteNumber} (${p.title}):\n\n"${p.comment}"\n\n${p.adminUrl}`,
});
