/**
 * Money report arithmetic, pure: aging buckets, UK VAT quarters, revenue periods, cash-basis VAT
 * apportionment and collection rate. Integer pence throughout.
 */
export const AGING_BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export const AGING_LABELS: Record<AgingBucket, string> = { current: "Current", "1-30": "1–30 days", "31-60": "31–60 days", "61-90": "61–90 days", "90+": "Over 90 days" };

const DAY_MS = 86_400_000;
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Not yet due (or due today) is current; then by whole days past the due date. */
export function agingBucket(dueDate: string | null, asOf: string): AgingBucket {
  if (!dueDate) return "current";
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return "current";
  if (late <= 30) return "1-30";
  if (late <= 60) return "31-60";
  if (late <= 90) return "61-90";
  return "90+";
}

export type Granularity = "month" | "quarter" | "year";

/** "2026-11", "2026-Q4" or "2026" for a date (YYYY-MM-DD). UK VAT quarters here are calendar quarters (Jan–Mar …). */
export function periodKey(date: string, g: Granularity): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (g === "year") return y;
  if (g === "quarter") return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${date.slice(5, 7)}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function periodLabel(key: string): string {
  if (/^\d{4}$/.test(key)) return key;
  const q = key.match(/^(\d{4})-Q([1-4])$/);
  if (q) {
    const start = (Number(q[2]) - 1) * 3;
    return `${MONTHS[start]}–${MONTHS[start + 2]} ${q[1]}`;
  }
  const m = key.match(/^(\d{4})-(\d{2})$/);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : key;
}

/** Every period key from `from` to `to` inclusive, so empty periods show as zero. */
export function periodsBetween(from: string, to: string, g: Granularity): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = periodKey(to, g);
  for (let guard = 0; guard < 600; guard++) {
    const key = periodKey(`${y}-${String(m).padStart(2, "0")}-01`, g);
    if (out[out.length - 1] !== key) out.push(key);
    if (key === endKey) break;
    m += g === "year" ? 12 : g === "quarter" ? 3 : 1;
    while (m > 12) {
      m -= 12;
      y++;
    }
  }
  return out;
}

/** The first and last day of the calendar quarter containing a date. */
export function quarterBounds(date: string): { from: string; to: string } {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const from = `${y}-${String(q * 3 + 1).padStart(2, "0")}-01`;
  const end = new Date(Date.UTC(y, q * 3 + 3, 0));
  return { from, to: end.toISOString().slice(0, 10) };
}

/** Collected as a share of invoiced, in basis points (null when nothing was invoiced). */
export function collectionRateBps(collectedPence: number, invoicedPence: number): number | null {
  if (invoicedPence <= 0) return null;
  return Math.round((collectedPence * 10000) / invoicedPence);
}

/**
 * Cash accounting: the VAT in a payment is the invoice's VAT in proportion to the share of the
 * invoice the payment settles. Split by rate, largest-remainder so the parts add up to the whole.
 */
export function apportionPayment(
  settledPence: number,
  invoicePayablePence: number,
  rates: readonly { rateKey: string; netPence: number; vatPence: number }[],
): { rateKey: string; netPence: number; vatPence: number }[] {
  if (invoicePayablePence <= 0 || settledPence === 0) return rates.map((r) => ({ rateKey: r.rateKey, netPence: 0, vatPence: 0 }));
  const share = (v: number) => Math.round((v * settledPence) / invoicePayablePence);
  return rates.map((r) => ({ rateKey: r.rateKey, netPence: share(r.netPence), vatPence: share(r.vatPence) }));
}

/** "20%", "5%", "0%", "Exempt", "Reverse charge" */
export function vatRateLabel(rateKey: string): string {
  if (rateKey === "exempt") return "Exempt";
  if (rateKey === "reverse-charge") return "Reverse charge (customer accounts for VAT)";
  return `${Number(rateKey) / 100}%`;
}

export function vatRateKey(rateBps: number | null, reverseCharge: boolean): string {
  if (reverseCharge) return "reverse-charge";
  return rateBps === null ? "exempt" : String(rateBps);
}
