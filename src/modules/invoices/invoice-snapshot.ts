/**
 * What an issued invoice froze (pure): seller (with VAT number and address), buyer, lines, totals
 * and the statutory wording. The /i/<token> page and the PDF render from this, so what the client
 * sees never changes after issue even if the company or client record is edited later.
 */
import { formatDate, formatMoney } from "@/ui/format.ts";
import { cisWording, REVERSE_CHARGE_WORDING, type InvoiceTotals } from "./invoice-money.ts";
import { vatTreatmentLabel } from "./invoice-vat.ts";

export type SnapshotParty = { name: string; addressLines: string[]; vatNumber: string | null; email?: string | null; phone?: string | null; companyNumber?: string | null; legalName?: string | null };
export type SnapshotBank = { accountName: string; sortCode: string; accountNumber: string } | null;

export type InvoiceSnapshotLine = {
  section: string | null;
  kind: "LABOUR" | "MATERIALS" | "FIXED";
  description: string;
  quantityMilli: number;
  unitPricePence: number;
  discountBps: number;
  vatRateBps: number | null;
  vatLabel: string;
  netPence: number;
  vatPence: number;
};

export type InvoiceSnapshot = {
  number: string;
  kind: "STANDARD" | "DEPOSIT" | "FINAL";
  title: string;
  notes: string | null;
  issueDate: string;
  supplyDate: string;
  dueDate: string;
  paymentTermsDays: number;
  quoteNumber: string | null;
  seller: SnapshotParty;
  buyer: SnapshotParty;
  bank: SnapshotBank;
  lines: InvoiceSnapshotLine[];
  totals: Pick<InvoiceTotals, "netPence" | "vatPence" | "grossPence" | "vatByRate" | "exemptNetPence" | "labourNetPence" | "cisDeductionPence" | "payablePence">;
  reverseCharge: boolean;
  cisRateBps: number | null;
  /** Statutory and explanatory wording printed on the invoice. */
  wording: string[];
};

export function invoiceWording(reverseCharge: boolean, cisRateBps: number | null, hasZeroOrExempt: boolean): string[] {
  const out: string[] = [];
  if (reverseCharge) out.push(REVERSE_CHARGE_WORDING);
  if (cisRateBps !== null) out.push(cisWording(cisRateBps));
  if (hasZeroOrExempt) out.push("Lines marked 0% are zero-rated; lines marked Exempt are exempt from VAT.");
  return out;
}

export function sortCodeLabel(sortCode: string): string {
  const d = sortCode.replace(/\D/g, "");
  return d.length === 6 ? `${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4)}` : sortCode;
}

function qty(milli: number): string {
  return (milli / 1000).toLocaleString("en-GB", { maximumFractionDigits: 3 });
}

/** The invoice PDF's props from a snapshot (pure). */
export function invoicePdfProps(s: InvoiceSnapshot) {
  return {
    number: s.number,
    kind: s.kind,
    title: s.title,
    notes: s.notes,
    issueDate: formatDate(s.issueDate, "UTC"),
    supplyDate: s.supplyDate !== s.issueDate ? formatDate(s.supplyDate, "UTC") : null,
    dueDate: formatDate(s.dueDate, "UTC"),
    quoteNumber: s.quoteNumber,
    seller: s.seller,
    buyer: s.buyer,
    bank: s.bank ? { ...s.bank, sortCode: sortCodeLabel(s.bank.sortCode) } : null,
    lines: s.lines.map((l) => ({
      description: l.description,
      section: l.section,
      kind: l.kind,
      quantity: qty(l.quantityMilli),
      unit: formatMoney(l.unitPricePence),
      discount: l.discountBps ? `${l.discountBps / 100}% off` : null,
      vat: vatTreatmentLabel(l.vatRateBps),
      net: l.netPence,
    })),
    totals: s.totals,
    reverseCharge: s.reverseCharge,
    cisRateBps: s.cisRateBps,
    wording: s.wording,
  };
}
export type InvoicePdfProps = ReturnType<typeof invoicePdfProps>;

export { qty as quantityLabel };
