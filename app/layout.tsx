import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Quantract", template: "%s · Quantract" },
  description: "Run your trades business from enquiry to paid invoice.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ffffff" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, which the CSP nonce needs.
  await headers();
  return (
    <html lang="en-GB">
      <body>{children}</body>
    </html>
  );
}
