/**
 * The shared branded page for every PDF (quotes, invoices, agreements, certificates, purchase
 * orders, exports): company name or logo, brand colour, company details, page numbers.
 */
import { Document, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";

export type PdfBranding = {
  companyName: string;
  legalName?: string | null;
  brandColor: string;
  /** PNG/JPEG bytes of the logo, if the company has one. */
  logo?: Buffer | null;
  addressLines: string[];
  phone?: string | null;
  email?: string | null;
  companyNumber?: string | null;
  vatNumber?: string | null;
};

const styles = StyleSheet.create({
  page: { paddingTop: 40, paddingBottom: 64, paddingHorizontal: 44, fontSize: 9.5, fontFamily: "Helvetica", color: "#111827" },
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start", marginBottom: 22 },
  company: { fontSize: 15, fontFamily: "Helvetica-Bold" },
  muted: { color: "#4b5563" },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", textAlign: "right" },
  footer: { position: "absolute", bottom: 28, left: 44, right: 44, flexDirection: "row", justifyContent: "space-between", fontSize: 8, color: "#6b7280", borderTopWidth: 0.5, borderTopColor: "#d1d5db", paddingTop: 6 },
});

export function BrandedDocument({ branding, title, subtitle, children }: { branding: PdfBranding; title: string; subtitle?: string; children: ReactNode }) {
  const registered = [branding.legalName, branding.companyNumber ? `Company no. ${branding.companyNumber}` : null, branding.vatNumber ? `VAT ${branding.vatNumber}` : null]
    .filter(Boolean)
    .join(" · ");
  return (
    <Document title={`${title} — ${branding.companyName}`} author={branding.companyName} producer="Quantract">
      <Page size="A4" style={styles.page}>
        <View fixed style={{ position: "absolute", top: 0, left: 0, right: 0, height: 6, backgroundColor: branding.brandColor }} />
        <View style={styles.header}>
          <View style={{ maxWidth: 260 }}>
            {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf Image has no alt; the company name follows */}
            {branding.logo ? <Image src={branding.logo} style={{ maxHeight: 44, maxWidth: 180, marginBottom: 6 }} /> : null}
            <Text style={styles.company}>{branding.companyName}</Text>
            {branding.addressLines.map((l) => (
              <Text key={l} style={styles.muted}>
                {l}
              </Text>
            ))}
            {branding.phone ? <Text style={styles.muted}>{branding.phone}</Text> : null}
            {branding.email ? <Text style={styles.muted}>{branding.email}</Text> : null}
          </View>
          <View>
            <Text style={[styles.title, { color: branding.brandColor }]}>{title}</Text>
            {subtitle ? <Text style={[styles.muted, { textAlign: "right", marginTop: 4 }]}>{subtitle}</Text> : null}
          </View>
        </View>
        {children}
        <View fixed style={styles.footer}>
          <Text>{registered || branding.companyName}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
