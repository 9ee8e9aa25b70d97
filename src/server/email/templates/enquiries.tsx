/** Enquiry emails: the office hears about a new enquiry from the website form. */
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout.tsx";
import { defineTemplate } from "./template.ts";

export const enquiryReceived = defineTemplate({
  name: "enquiry.received",
  props: z.object({
    companyName: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    place: z.string().nullable(),
    description: z.string(),
    url: z.url(),
  }),
  subject: (p) => `New enquiry from ${p.name}${p.place ? ` (${p.place})` : ""}`,
  html: (p, b) => (
    <EmailLayout branding={b} preview={`New enquiry from ${p.name}`}>
      <p>
        A new enquiry came in through the {p.companyName} website form from <strong>{p.name}</strong>.
      </p>
      <table cellPadding={0} cellSpacing={0} style={{ fontSize: 14, marginBottom: 12 }}>
        <tbody>
          {p.email ? (
            <tr>
              <td style={{ color: "#6b7280", paddingRight: 12 }}>Email</td>
              <td>{p.email}</td>
            </tr>
          ) : null}
          {p.phone ? (
            <tr>
              <td style={{ color: "#6b7280", paddingRight: 12 }}>Phone</td>
              <td>{p.phone}</td>
            </tr>
          ) : null}
          {p.place ? (
            <tr>
              <td style={{ color: "#6b7280", paddingRight: 12 }}>Where</td>
              <td>{p.place}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p style={{ whiteSpace: "pre-wrap" }}>{p.description}</p>
      <EmailButton href={p.url} color={b.brandColor}>
        Open the enquiry
      </EmailButton>
    </EmailLayout>
  ),
  text: (p) =>
    [
      `A new enquiry came in through the ${p.companyName} website form from ${p.name}.`,
      "",
      p.email ? `Email: ${p.email}` : null,
      p.phone ? `Phone: ${p.phone}` : null,
      p.place ? `Where: ${p.place}` : null,
      "",
      p.description,
      "",
      `Open the enquiry: ${p.url}`,
    ]
      .filter((l) => l !== null)
      .join("\n"),
});
