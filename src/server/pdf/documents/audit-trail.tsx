/** A record's change history as a PDF: who did what, when, with before → after per field. */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { z } from "zod";
import { BrandedDocument } from "../layout.tsx";
import { definePdfDocument } from "../document.ts";

const event = z.object({
  at: z.string(),
  who: z.string(),
  action: z.string(),
  changes: z.array(z.object({ label: z.string(), before: z.string(), after: z.string() })),
});

const styles = StyleSheet.create({
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e5e7eb", paddingVertical: 6 },
  head: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#111827", paddingBottom: 4, fontFamily: "Helvetica-Bold" },
  when: { width: 110 },
  who: { width: 110 },
  what: { flex: 1 },
  change: { color: "#374151", marginTop: 2 },
});

export const auditTrailPdf = definePdfDocument({
  name: "audit-trail",
  props: z.object({ recordLabel: z.string(), generatedAt: z.string(), events: z.array(event).max(2000) }),
  fileName: (p) => `history-${p.recordLabel.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.pdf`,
  render: (p, branding) => (
    <BrandedDocument branding={branding} title="Change history" subtitle={`${p.recordLabel} · generated ${p.generatedAt}`}>
      <View style={styles.head}>
        <Text style={styles.when}>When</Text>
        <Text style={styles.who}>Who</Text>
        <Text style={styles.what}>What changed</Text>
      </View>
      {p.events.length === 0 ? <Text style={{ marginTop: 8 }}>No changes recorded.</Text> : null}
      {p.events.map((e, i) => (
        <View key={i} style={styles.row} wrap={false}>
          <Text style={styles.when}>{e.at}</Text>
          <Text style={styles.who}>{e.who}</Text>
          <View style={styles.what}>
            <Text>{e.action}</Text>
            {e.changes.map((c) => (
              <Text key={c.label} style={styles.change}>
                {c.label}: {c.before} → {c.after}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </BrandedDocument>
  ),
});
