/** A credit note as a branded PDF: its own number, the invoice it corrects, the reason, lines with VAT, totals. */
import { Text, View } from "@react-pdf/renderer";
import { z } from "zod";
import { formatMoney } from "@/ui/format.ts";
import { definePdfDocument } from "../document.ts";
import { BrandedDocument } from "../layout.tsx";
import { Party, styles } from "./invoice.tsx";

const party = z.object({
  name: z.string(),
  legalName: z.string().nullable().optional(),
  addressLines: z.array(z.string()),
  vatNumber: z.string().nullable(),
  companyNumber: z.string().nullable().optional(),
});
const money = z.number().int();

export const creditNotePdf = definePdfDocument({
  name: "credit-note",
  props: z.object({
    number: z.string(),
    invoiceNumber: z.string(),
    issueDate: z.string(),
    invoiceIssueDate: z.string(),
    reason: z.string(),
    seller: party,
    buyer: party,
    /** kind: "Labour"/"Materials" on a CIS invoice's credit, else null/absent. */
    lines: z.array(z.object({ description: z.string(), kind: z.string().nullable().optional(), vat: z.string(), net: money })),
    totals: z.object({
      netPence: money,
      vatPence: money,
      grossPence: money,
      vatByRate: z.array(z.object({ rateBps: z.number().int(), netPence: money, vatPence: money })),
      /** The CIS deduction the credit reverses (older credit notes: absent = 0). */
      cisReversedPence: money.optional(),
      creditPence: money,
    }),
    /** The invoice's CIS rate (null/absent: not a CIS invoice). */
    cisRateBps: z.number().int().nullable().optional(),
    wording: z.array(z.string()),
  }),
  fileName: (p) => `credit-note-${p.number.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.pdf`,
  render: (p, branding) => (
    <BrandedDocument branding={branding} title="Credit note" subtitle={`${p.number} · ${p.issueDate}`}>
      <View style={styles.parties}>
        <Party label="From" p={p.seller} />
        <Party label="Credit to" p={p.buyer} />
      </View>
      <Text style={styles.muted}>
        Credits invoice {p.invoiceNumber} of {p.invoiceIssueDate}. Reason: {p.reason}
      </Text>
      <View style={{ marginTop: 10 }}>
        <View style={styles.head}>
          <Text style={styles.desc}>Description</Text>
          <Text style={styles.vat}>VAT rate</Text>
          <Text style={styles.net}>Net</Text>
        </View>
        {p.lines.map((l, i) => (
          <View key={i} style={styles.row} wrap={false}>
            <Text style={styles.desc}>{l.kind ? `${l.description} (${l.kind.toLowerCase()})` : l.description}</Text>
            <Text style={styles.vat}>{l.vat}</Text>
            <Text style={styles.net}>{formatMoney(l.net)}</Text>
          </View>
        ))}
      </View>
      <View style={styles.totals}>
        <View style={styles.totalRow}>
          <Text style={styles.muted}>Credit excl. VAT</Text>
          <Text>{formatMoney(p.totals.netPence)}</Text>
        </View>
        {p.totals.vatByRate.map((v) => (
          <View key={v.rateBps} style={styles.totalRow}>
            <Text style={styles.muted}>VAT at {v.rateBps / 100}%</Text>
            <Text>{formatMoney(v.vatPence)}</Text>
          </View>
        ))}
        {p.cisRateBps != null ? (
          <View style={styles.totalRow}>
            <Text style={styles.muted}>CIS deduction reversed ({p.cisRateBps / 100}% of the labour credited)</Text>
            <Text>−{formatMoney(p.totals.cisReversedPence ?? 0)}</Text>
          </View>
        ) : null}
        <View style={styles.grand}>
          <Text>Credited against the invoice</Text>
          <Text>{formatMoney(p.totals.creditPence)}</Text>
        </View>
      </View>
      {p.wording.map((w) => (
        <Text key={w} style={[styles.note, { fontFamily: "Helvetica-Bold" }]}>
          {w}
        </Text>
      ))}
    </BrandedDocument>
  ),
});
