import type { ReactNode } from "react";

export type Branding = { companyName: string; brandColor: string; phone?: string | null; email?: string | null };

export const QUANTRACT_BRANDING: Branding = { companyName: "Quantract", brandColor: "#4f46e5" };

/** Email-safe layout (tables, inline styles): company name and colour, footer with contact details. */
export function EmailLayout({ branding, preview, children }: { branding: Branding; preview: string; children: ReactNode }) {
  const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
  return (
    <html lang="en-GB">
      {/* eslint-disable-next-line @next/next/no-head-element -- an email document, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{preview}</title>
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: "#f6f7f9", fontFamily: font, color: "#111827" }}>
        <span style={{ display: "none", overflow: "hidden", maxHeight: 0 }}>{preview}</span>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ backgroundColor: "#f6f7f9", padding: "24px 12px" }}>
          <tbody>
            <tr>
              <td align="center">
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ maxWidth: 560, backgroundColor: "#ffffff", borderRadius: 8, borderTop: `4px solid ${branding.brandColor}` }}>
                  <tbody>
                    <tr>
                      <td style={{ padding: "24px 28px 8px", fontSize: 18, fontWeight: 600 }}>{branding.companyName}</td>
                    </tr>
                    <tr>
                      <td style={{ padding: "8px 28px 28px", fontSize: 15, lineHeight: "24px" }}>{children}</td>
                    </tr>
                  </tbody>
                </table>
                <p style={{ fontSize: 12, color: "#6b7280", marginTop: 16 }}>
                  {[branding.companyName, branding.phone, branding.email].filter(Boolean).join(" · ")}
                </p>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function EmailButton({ href, color, children }: { href: string; color: string; children: ReactNode }) {
  return (
    <table role="presentation" cellPadding={0} cellSpacing={0} style={{ margin: "20px 0" }}>
      <tbody>
        <tr>
          <td style={{ backgroundColor: color, borderRadius: 6 }}>
            <a href={href} style={{ display: "inline-block", padding: "12px 20px", color: "#ffffff", fontWeight: 600, textDecoration: "none" }}>
              {children}
            </a>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
