/**
 * Invoice money (pure: no I/O, no clock). Every invoice, credit note, payment check, reminder and
 * report takes its figures from here, built on the one pricing function (`computeTotals`).
 *
 * Definitions (all integer pence):
 *  - netPence, vatByRate, vatPence: exactly what computeTotals gives for the lines (VAT per rate on
 *    the sum of the lines' net at that rate, half-up to the penny; zero-rated lines get a 0 entry,
 *    exempt lines none).
 *  - grossPence = netPence + vatPence, always (the value of the supply including VAT).
 *  - Domestic reverse charge (`reverseCharge: true`): the VAT is still computed and shown on the
 *    invoice, but it is not charged: the customer accounts for it to HMRC. So it is not in the
 *    total the client pays: payable starts from netPence. Reports of output VAT must therefore
 *    leave out the vatPence of invoices with `reverseCharge` (it is the customer's VAT, not ours).
 *  - CIS (`cisRateBps` 0, 2000 or 3000; null = not a CIS-deducting client): the contractor deducts
 *    cisRateBps of the net of LABOUR lines only, never VAT, materials or fixed-price lines,
 *    rounded half-up to the penny.
 *  - payablePence = (reverseCharge ? netPence : grossPence) − cisDeductionPence: what the client
 *    must pay us.
 *  - balanceDuePence = payablePence − paidPence − creditedPence, where paidPence is kept net of
 *    refunds and includes the CIS withheld recorded on payments, and creditedPence is the sum of
 *    the credit notes' amounts against the invoice.
 *  - Deduction lines ("Less deposit paid on INV-…" on a FINAL invoice): a line with a negative
 *    unit price, FIXED, quantity 1, no discount. Its net is its price, and it takes off the VAT it
 *    carried on its own invoice: VAT on its own net at its rate, not re-rounded with the other
 *    lines. So at each rate the invoice's VAT is VAT(positive lines) − Σ VAT(deductions), and a
 *    deposit plus its FINAL add up to the quote to the penny. Deductions never reduce the labour
 *    the CIS deduction is taken on (see docs/decisions/0010).
 */
import { computeTotals, PricingError, vatOn, type LineKind, type PriceLine, type VatBreakdown } from "@/modules/pricing/pricing.ts";
import { formatMoney } from "@/ui/format.ts";

/** One invoice line as priced: the sell price (no internal markup on invoices). */
export type InvoiceMoneyLine = {
  id: string;
  kind: LineKind;
  quantityMilli: number;
  unitPricePence: number;
  discountBps: number;
  /** 2000, 500, 0 or null (exempt). */
  vatRateBps: number | null;
};

export type InvoiceTaxOptions = {
  reverseCharge: boolean;
  /** Rate of the CIS deduction on labour, in basis points; null/undefined = no deduction. */
  cisRateBps: number | null | undefined;
};

export type InvoiceLineTotals = { id: string; netPence: number; discountPence: number; sellUnitPence: number };

export type InvoiceTotals = {
  netPence: number;
  vatPence: number;
  grossPence: number;
  vatByRate: VatBreakdown[];
  exemptNetPence: number;
  labourNetPence: number;
  cisDeductionPence: number;
  payablePence: number;
  /** Per line, in the order given. */
  lines: InvoiceLineTotals[];
};

export const CIS_RATES_BPS = [0, 2000, 3000] as const;

/** Half-up rounding of a non-negative integer product, in BigInt. */
function pctOf(amountPence: number, bps: number): number {
  const n = BigInt(amountPence) * BigInt(bps);
  return Number((2n * n + 10000n) / 20000n);
}

export function invoiceTotals(lines: readonly InvoiceMoneyLine[], opts: InvoiceTaxOptions): InvoiceTotals {
  const cisRate = opts.cisRateBps ?? null;
  if (cisRate !== null && !CIS_RATES_BPS.includes(cisRate as (typeof CIS_RATES_BPS)[number])) {
    throw new PricingError(`A CIS deduction rate is 0%, 20% or 30%, not ${cisRate / 100}%`, { cisRateBps: "Choose 0%, 20% or 30%" });
  }
  const deductions = lines.filter(isDeductionLine);
  for (const d of deductions) {
    if (d.kind !== "FIXED" || d.quantityMilli !== 1000 || d.discountBps !== 0) {
      throw new PricingError("A deduction line is one fixed amount with no discount", { [d.id]: "Invalid deduction line" });
    }
  }
  const regular = lines.filter((l) => !isDeductionLine(l));
  const priced: PriceLine[] = regular.map((l) => ({
    id: l.id,
    kind: l.kind,
    quantityMilli: l.quantityMilli,
    unitPricePence: l.unitPricePence,
    markupBps: 0,
    discountBps: l.discountBps,
    vatRateBps: l.vatRateBps,
    placement: { kind: "BASE" },
  }));
  const t = computeTotals(priced, { options: {}, addons: [] });
  // Deductions come off their own rate, each with the VAT it had on its own invoice.
  const byRate = new Map<number, VatBreakdown>(t.vat.map((v) => [v.rateBps, { ...v }]));
  let exemptNetPence = t.exemptNetPence;
  for (const d of deductions) {
    if (d.vatRateBps === null) {
      exemptNetPence += d.unitPricePence;
      continue;
    }
    const entry = byRate.get(d.vatRateBps) ?? { rateBps: d.vatRateBps, netPence: 0, vatPence: 0 };
    entry.netPence += d.unitPricePence;
    entry.vatPence -= vatOn(-d.unitPricePence, d.vatRateBps);
    byRate.set(d.vatRateBps, entry);
  }
  const vatByRate = [...byRate.values()].sort((a, b) => b.rateBps - a.rateBps);
  const netPence = t.netPence + deductions.reduce((s, d) => s + d.unitPricePence, 0);
  const vatPence = vatByRate.reduce((s, v) => s + v.vatPence, 0);
  const grossPence = netPence + vatPence;
  const labourNetPence = t.netByKind.LABOUR;
  const cisDeductionPence = cisRate === null ? 0 : pctOf(labourNetPence, cisRate);
  const payablePence = (opts.reverseCharge ? netPence : grossPence) - cisDeductionPence;
  const regularTotals = new Map(t.lines.map((l) => [l.id, l]));
  return {
    netPence,
    vatPence,
    grossPence,
    vatByRate,
    exemptNetPence,
    labourNetPence,
    cisDeductionPence,
    payablePence,
    lines: lines.map((l) => {
      const r = regularTotals.get(l.id);
      return r ? { id: l.id, netPence: r.netPence, discountPence: r.discountPence, sellUnitPence: r.sellUnitPence } : { id: l.id, netPence: l.unitPricePence, discountPence: 0, sellUnitPence: l.unitPricePence };
    }),
  };
}

/** A "less deposit" line: a negative fixed amount (see the header). */
export function isDeductionLine(l: Pick<InvoiceMoneyLine, "unitPricePence">): boolean {
  return l.unitPricePence < 0;
}

/** VAT a line carries on its own: VAT on its net at its rate (negative for a deduction). */
export function lineVatPence(netPence: number, vatRateBps: number | null): number {
  return vatRateBps === null ? 0 : vatOn(netPence, vatRateBps);
}

export type BalanceFields = { payablePence: number; paidPence: number; creditedPence: number };

/** What is still owed: payable − paid (net of refunds, incl. CIS withheld) − credited. */
export function balanceDuePence(invoice: BalanceFields): number {
  return invoice.payablePence - invoice.paidPence - invoice.creditedPence;
}

/** "£12.00 is more than the £10.00 outstanding" */
export function overpaymentMessage(amountPence: number, outstandingPence: number): string {
  return `${formatMoney(amountPence)} is more than the ${formatMoney(Math.max(0, outstandingPence))} outstanding`;
}

/**
 * Whether the construction domestic reverse charge applies (uk-trade-rules.md "VAT and CIS"):
 * both VAT-registered, the customer is a CIS contractor (the payment is reportable under CIS),
 * it has not told us it is an end user or intermediary, and it is never a householder. The
 * line-level condition (standard- or reduced-rated CIS-scope services) is checked by
 * `reverseChargeEligibleLines`.
 */
export function reverseChargeApplies(
  company: { vatNumber: string | null },
  client: { kind: "PERSON" | "ORGANISATION"; vatRegistered: boolean; cisContractor: boolean; reverseChargeEndUser: boolean },
): boolean {
  if (client.kind === "PERSON") return false;
  return !!company.vatNumber && client.vatRegistered && client.cisContractor && !client.reverseChargeEndUser;
}

/** Reverse charge covers standard- and reduced-rated supplies: at least one line must be one. */
export function reverseChargeEligibleLines(lines: readonly Pick<InvoiceMoneyLine, "vatRateBps">[]): boolean {
  return lines.some((l) => l.vatRateBps !== null && l.vatRateBps > 0);
}

/** The CIS rate for a client (null = no deduction). */
export function cisRateFor(client: { cisContractor: boolean; cisRateBps: number | null; kind: "PERSON" | "ORGANISATION" }): number | null {
  if (client.kind === "PERSON" || !client.cisContractor) return null;
  return client.cisRateBps ?? 2000;
}

export const REVERSE_CHARGE_WORDING = "Reverse charge: customer to pay the VAT to HMRC (VAT Act 1994 s55A).";

export function cisWording(rateBps: number): string {
  return `CIS: the contractor deducts ${rateBps / 100}% from the labour element only (not VAT or materials) and pays it to HMRC for us.`;
}
