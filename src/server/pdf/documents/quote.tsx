/** A sent quote version as a branded PDF: the work, each option group, optional extras, totals, terms. */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { z } from "zod";
import { groupBySection, sectionOf } from "@/modules/quotes/quote-sections.ts";
import { formatMoney } from "@/ui/format.ts";
import { definePdfDocument } from "../document.ts";
import { BrandedDocument } from "../layout.tsx";

const line = z.object({
  /** Always-included lines may sit in a named section (older queued payloads have none). */
  section: z.string().nullable().default(null),
  description: z.string(),
  quantity: z.string(),
  unit: z.string(),
  net: z.number().int(),
  vat: z.string(),
  placement: z.enum(["BASE", "OPTION", "ADDON"]),
  groupName: z.string().nullable(),
  optionName: z.string().nullable(),
  addonName: z.string().nullable(),
  included: z.boolean(),
});

const styles = StyleSheet.create({
  h2: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 4 },
  head: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#111827", paddingBottom: 3, fontFamily: "Helvetica-Bold", fontSize: 8.5 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e5e7eb", paddingVertical: 4 },
  desc: { flex: 1, paddingRight: 8 },
  qty: { width: 40, textAlign: "right" },
  unit: { width: 70, textAlign: "right" },
  vat: { width: 45, textAlign: "right" },
  net: { width: 70, textAlign: "right" },
  totals: { marginTop: 10, marginLeft: "auto", width: 220 },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  muted: { color: "#4b5563" },
  h3: { fontSize: 10, fontFamily: "Helvetica-Bold", marginBottom: 3 },
  subtotal: { flexDirection: "row", justifyContent: "space-between", paddingTop: 3, fontFamily: "Helvetica-Bold", fontSize: 9 },
});

function Rows({ lines }: { lines: z.infer<typeof line>[] }) {
  return (
    <View>
      <View style={styles.head}>
        <Text style={styles.desc}>Description</Text>
        <Text style={styles.qty}>Qty</Text>
        <Text style={styles.unit}>Unit price</Text>
        <Text style={styles.vat}>VAT</Text>
        <Text style={styles.net}>Amount</Text>
      </View>
      {lines.map((l, i) => (
        <View key={i} style={styles.row} wrap={false}>
          <Text style={styles.desc}>{l.description}</Text>
          <Text style={styles.qty}>{l.quantity}</Text>
          <Text style={styles.unit}>{l.unit}</Text>
          <Text style={styles.vat}>{l.vat}</Text>
          <Text style={styles.net}>{formatMoney(l.net)}</Text>
        </View>
      ))}
    </View>
  );
}

export const quotePdf = definePdfDocument({
  name: "quote",
  props: z.object({
    number: z.string(),
    version: z.number().int(),
    title: z.string(),
    client: z.string(),
    issued: z.string(),
    validUntil: z.string(),
    introduction: z.string().nullable(),
    terms: z.string().nullable(),
    lines: z.array(line),
    totals: z.object({ netPence: z.number().int(), vatPence: z.number().int(), grossPence: z.number().int() }),
  }),
  fileName: (p) => `quote-${p.number.toLowerCase().replace(/[^a-z0-9]+/g, "-")}${p.version > 1 ? `-v${p.version}` : ""}.pdf`,
  render: (p, branding) => {
    const base = p.lines.filter((l) => l.placement === "BASE");
    const groups = [...new Set(p.lines.filter((l) => l.placement === "OPTION").map((l) => l.groupName ?? ""))];
    const addons = p.lines.filter((l) => l.placement === "ADDON");
    return (
      <BrandedDocument branding={branding} title="Quote" subtitle={`${p.number}${p.version > 1 ? ` (version ${p.version})` : ""} · ${p.issued}`}>
        <Text style={{ fontSize: 13, fontFamily: "Helvetica-Bold" }}>{p.title}</Text>
        <Text style={styles.muted}>For {p.client} · valid until {p.validUntil}</Text>
        {p.introduction ? <Text style={{ marginTop: 8 }}>{p.introduction}</Text> : null}
        {base.length ? <Text style={styles.h2}>The work</Text> : null}
        {groupBySection(base, sectionOf, (l) => l.net).map((g) =>
          g.name === null ? (
            <Rows key="loose" lines={g.items} />
          ) : (
            <View key={g.name} style={{ marginTop: 8 }}>
              <Text style={styles.h3}>{g.name}</Text>
              <Rows lines={g.items} />
              <View style={styles.subtotal} wrap={false}>
                <Text>{g.name} subtotal</Text>
                <Text>{formatMoney(g.netPence)}</Text>
              </View>
            </View>
          ),
        )}
        {groups.map((g) => (
          <View key={g}>
            <Text style={styles.h2}>{g}: choose one option</Text>
            {[...new Set(p.lines.filter((l) => l.groupName === g).map((l) => l.optionName ?? ""))].map((o) => (
              <View key={o}>
                <Text style={[styles.muted, { marginTop: 4 }]}>
                  {o}
                  {p.lines.some((l) => l.groupName === g && l.optionName === o && l.included) ? " (included in the total below)" : ""}
                </Text>
                <Rows lines={p.lines.filter((l) => l.groupName === g && l.optionName === o)} />
              </View>
            ))}
          </View>
        ))}
        {addons.length ? (
          <>
            <Text style={styles.h2}>Optional extras (not in the total below unless you choose them)</Text>
            <Rows lines={addons} />
          </>
        ) : null}
        <View style={styles.totals}>
          <View style={styles.totalRow}>
            <Text style={styles.muted}>Subtotal</Text>
            <Text>{formatMoney(p.totals.netPence)}</Text>
          </View>
          <View style={styles.totalRow}>
            <Text style={styles.muted}>VAT</Text>
            <Text>{formatMoney(p.totals.vatPence)}</Text>
          </View>
          <View style={[styles.totalRow, { borderTopWidth: 1, borderTopColor: "#111827", marginTop: 2, paddingTop: 4 }]}>
            <Text style={{ fontFamily: "Helvetica-Bold" }}>Total</Text>
            <Text style={{ fontFamily: "Helvetica-Bold" }}>{formatMoney(p.totals.grossPence)}</Text>
          </View>
        </View>
        {p.terms ? (
          <>
            <Text style={styles.h2}>Terms</Text>
            <Text style={styles.muted}>{p.terms}</Text>
          </>
        ) : null}
        <Text style={{ marginTop: 14, fontSize: 8.5, color: "#6b7280" }}>Choose options and accept online with the link in our email. No account needed.</Text>
      </BrandedDocument>
    );
  },
});
