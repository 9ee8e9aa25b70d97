/**
 * An issued invoice as a branded PDF with every field of a UK VAT invoice: number, date (and the
 * time of supply when different), supplier name, address and VAT number, customer name and
 * address, per line description, quantity, unit price excl. VAT, VAT rate and net; VAT per rate
 * and in total; zero-rated/exempt lines shown as such; reverse-charge and CIS wording; bank details.
 */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { z } from "zod";
import { formatMoney } from "@/ui/format.ts";
import { definePdfDocument } from "../document.ts";
import { BrandedDocument } from "../layout.tsx";

const party = z.object({
  name: z.string(),
  legalName: z.string().nullable().optional(),
  addressLines: z.array(z.string()),
  vatNumber: z.string().nullable(),
  companyNumber: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});
const money = z.number().int();

export const styles = StyleSheet.create({
  h2: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 4 },
  parties: { flexDirection: "row", justifyContent: "space-between", marginBottom: 8 },
  block: { width: "48%" },
  label: { fontSize: 8, color: "#6b7280", textTransform: "uppercase", marginBottom: 2 },
  head: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#111827", paddingBottom: 3, fontFamily: "Helvetica-Bold", fontSize: 8.5 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e5e7eb", paddingVertical: 4 },
  desc: { flex: 1, paddingRight: 8 },
  qty: { width: 40, textAlign: "right" },
  unit: { width: 70, textAlign: "right" },
  vat: { width: 70, textAlign: "right" },
  net: { width: 70, textAlign: "right" },
  totals: { marginTop: 10, marginLeft: "auto", width: 250 },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  grand: { flexDirection: "row", justifyContent: "space-between", borderTopWidth: 1, borderTopColor: "#111827", marginTop: 2, paddingTop: 4, fontFamily: "Helvetica-Bold" },
  muted: { color: "#4b5563" },
  note: { marginTop: 6, fontSize: 9 },
});

export function Party({ label, p }: { label: string; p: z.infer<typeof party> }) {
  return (
    <View style={styles.block}>
      <Text style={styles.label}>{label}</Text>
      <Text style={{ fontFamily: "Helvetica-Bold" }}>{p.legalName ?? p.name}</Text>
      {p.addressLines.map((l) => (
        <Text key={l} style={styles.muted}>
          {l}
        </Text>
      ))}
      {p.vatNumber ? <Text style={styles.muted}>VAT registration no. {p.vatNumber}</Text> : null}
      {p.companyNumber ? <Text style={styles.muted}>Company no. {p.companyNumber}</Text> : null}
    </View>
  );
}

const rateLabel = (bps: number) => (bps === 0 ? "0% (zero-rated)" : `${bps / 100}%`);

export const invoicePdf = definePdfDocument({
  name: "invoice",
  props: z.object({
    number: z.string(),
    kind: z.enum(["STANDARD", "DEPOSIT", "FINAL"]),
    title: z.string(),
    notes: z.string().nullable(),
    issueDate: z.string(),
    supplyDate: z.string().nullable(),
    dueDate: z.string(),
    quoteNumber: z.string().nullable(),
    seller: party,
    buyer: party,
    bank: z.object({ accountName: z.string(), sortCode: z.string(), accountNumber: z.string() }).nullable(),
    lines: z.array(
      z.object({ description: z.string(), section: z.string().nullable(), kind: z.string(), quantity: z.string(), unit: z.string(), discount: z.string().nullable(), vat: z.string(), net: money }),
    ),
    totals: z.object({
      netPence: money,
      vatPence: money,
      grossPence: money,
      vatByRate: z.array(z.object({ rateBps: z.number().int(), netPence: money, vatPence: money })),
      exemptNetPence: money,
      labourNetPence: money,
      cisDeductionPence: money,
      payablePence: money,
    }),
    reverseCharge: z.boolean(),
    cisRateBps: z.number().int().nullable(),
    wording: z.array(z.string()),
  }),
  fileName: (p) => `invoice-${p.number.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.pdf`,
  render: (p, branding) => {
    const title = p.kind === "DEPOSIT" ? "Deposit invoice" : "VAT invoice";
    return (
      <BrandedDocument branding={branding} title={title} subtitle={`${p.number} · ${p.issueDate}`}>
        <View style={styles.parties}>
          <Party label="From" p={p.seller} />
          <Party label="Invoice to" p={p.buyer} />
        </View>
        <View style={styles.totalRow}>
          <Text style={styles.muted}>Invoice number {p.number}</Text>
          <Text style={styles.muted}>Invoice date (tax point) {p.issueDate}</Text>
        </View>
        {p.supplyDate ? <Text style={styles.muted}>Time of supply {p.supplyDate}</Text> : null}
        <Text style={styles.muted}>
          Payment due {p.dueDate}
          {p.quoteNumber ? ` · Our quote ${p.quoteNumber}` : ""}
        </Text>
        <Text style={{ fontSize: 13, fontFamily: "Helvetica-Bold", marginTop: 10 }}>{p.title}</Text>
        <View style={{ marginTop: 8 }}>
          <View style={styles.head}>
            <Text style={styles.desc}>Description</Text>
            <Text style={styles.qty}>Qty</Text>
            <Text style={styles.unit}>Unit price (excl. VAT)</Text>
            <Text style={styles.vat}>VAT rate</Text>
            <Text style={styles.net}>Net</Text>
          </View>
          {p.lines.map((l, i) => (
            <View key={i} style={styles.row} wrap={false}>
              <Text style={styles.desc}>
                {l.section ? `${l.section}: ` : ""}
                {l.description}
                {p.cisRateBps !== null ? ` (${l.kind.toLowerCase()})` : ""}
                {l.discount ? ` (${l.discount})` : ""}
              </Text>
              <Text style={styles.qty}>{l.quantity}</Text>
              <Text style={styles.unit}>{l.unit}</Text>
              <Text style={styles.vat}>{l.vat}</Text>
              <Text style={styles.net}>{formatMoney(l.net)}</Text>
            </View>
          ))}
        </View>
        <View style={styles.totals}>
          <View style={styles.totalRow}>
            <Text style={styles.muted}>Total excl. VAT</Text>
            <Text>{formatMoney(p.totals.netPence)}</Text>
          </View>
          {p.totals.vatByRate.map((v) => (
            <View key={v.rateBps} style={styles.totalRow}>
              <Text style={styles.muted}>
                VAT at {rateLabel(v.rateBps)} on {formatMoney(v.netPence)}
                {p.reverseCharge ? " (reverse charge)" : ""}
              </Text>
              <Text>{formatMoney(v.vatPence)}</Text>
            </View>
          ))}
          {p.totals.exemptNetPence ? (
            <View style={styles.totalRow}>
              <Text style={styles.muted}>Exempt from VAT</Text>
              <Text>{formatMoney(p.totals.exemptNetPence)}</Text>
            </View>
          ) : null}
          {p.reverseCharge ? (
            <>
              <View style={styles.totalRow}>
                <Text style={styles.muted}>VAT to be accounted for by the customer</Text>
                <Text>{formatMoney(p.totals.vatPence)}</Text>
              </View>
              <View style={styles.totalRow}>
                <Text style={styles.muted}>VAT charged</Text>
                <Text>{formatMoney(0)}</Text>
              </View>
            </>
          ) : (
            <View style={styles.totalRow}>
              <Text style={styles.muted}>Total VAT</Text>
              <Text>{formatMoney(p.totals.vatPence)}</Text>
            </View>
          )}
          <View style={styles.totalRow}>
            <Text style={styles.muted}>Invoice total</Text>
            <Text>{formatMoney(p.reverseCharge ? p.totals.netPence : p.totals.grossPence)}</Text>
          </View>
          {p.cisRateBps !== null ? (
            <View style={styles.totalRow}>
              <Text style={styles.muted}>
                CIS deduction at {p.cisRateBps / 100}% on labour of {formatMoney(p.totals.labourNetPence)}
              </Text>
              <Text>−{formatMoney(p.totals.cisDeductionPence)}</Text>
            </View>
          ) : null}
          <View style={styles.grand}>
            <Text>Amount payable</Text>
            <Text>{formatMoney(p.totals.payablePence)}</Text>
          </View>
        </View>
        {p.wording.map((w) => (
          <Text key={w} style={[styles.note, { fontFamily: "Helvetica-Bold" }]}>
            {w}
          </Text>
        ))}
        {p.notes ? <Text style={[styles.note, styles.muted]}>{p.notes}</Text> : null}
        {p.bank ? (
          <>
            <Text style={styles.h2}>How to pay</Text>
            <Text>
              Bank transfer to {p.bank.accountName}, sort code {p.bank.sortCode}, account {p.bank.accountNumber}. Please use {p.number} as the reference.
            </Text>
          </>
        ) : null}
      </BrandedDocument>
    );
  },
});
