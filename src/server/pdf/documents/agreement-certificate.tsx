/** The certificate of a client's acceptance: who signed what, when, from where, with the fingerprint of the accepted quote. */
import { Image, StyleSheet, Text, View } from "@react-pdf/renderer";
import { z } from "zod";
import { definePdfDocument } from "../document.ts";
import { BrandedDocument } from "../layout.tsx";

const styles = StyleSheet.create({
  row: { flexDirection: "row", paddingVertical: 5, borderBottomWidth: 0.5, borderBottomColor: "#e5e7eb" },
  label: { width: 140, color: "#4b5563" },
  value: { flex: 1 },
  mono: { fontFamily: "Courier", fontSize: 8.5 },
  signature: { marginTop: 16, height: 90, width: 260, objectFit: "contain", borderWidth: 0.5, borderColor: "#d1d5db" },
});

export const agreementCertificatePdf = definePdfDocument({
  name: "agreement-certificate",
  props: z.object({
    quoteNumber: z.string(),
    version: z.number().int(),
    title: z.string(),
    client: z.string(),
    signerName: z.string(),
    acceptedAt: z.string(),
    ip: z.string(),
    userAgent: z.string(),
    snapshotHash: z.string(),
    total: z.string(),
    chosen: z.array(z.string()),
  }),
  fileName: (p) => `agreement-${p.quoteNumber.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.pdf`,
  render: (p, branding, files) => {
    const rows: [string, string][] = [
      ["Quote", `${p.quoteNumber} (version ${p.version})`],
      ["Work", p.title],
      ["Client", p.client],
      ["Signed by", p.signerName],
      ["Accepted at (UTC)", p.acceptedAt.replace("T", " ").replace(/\.\d+Z$/, "Z")],
      ["Total accepted", `${p.total} including VAT`],
      ["Choices", p.chosen.length ? p.chosen.join("; ") : "None (no options or add-ons)"],
      ["IP address", p.ip],
      ["Browser", p.userAgent],
    ];
    return (
      <BrandedDocument branding={branding} title="Agreement certificate" subtitle={`Quote ${p.quoteNumber}`}>
        <Text style={{ marginBottom: 12 }}>
          This certifies that the quote below was accepted electronically through {branding.companyName}&apos;s secure quote link.
        </Text>
        {rows.map(([label, value]) => (
          <View key={label} style={styles.row}>
            <Text style={styles.label}>{label}</Text>
            <Text style={styles.value}>{value}</Text>
          </View>
        ))}
        <View style={styles.row}>
          <Text style={styles.label}>Fingerprint (SHA-256)</Text>
          <Text style={[styles.value, styles.mono]}>{p.snapshotHash}</Text>
        </View>
        {files.signature ? (
          <View>
            <Text style={{ marginTop: 16, color: "#4b5563" }}>Signature</Text>
            {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf Image has no alt */}
            <Image src={files.signature} style={styles.signature} />
          </View>
        ) : null}
        <Text style={{ marginTop: 18, fontSize: 8, color: "#6b7280" }}>
          The fingerprint is the SHA-256 of the exact quote version shown to the client; any change to that version would change it.
        </Text>
      </BrandedDocument>
    );
  },
});
