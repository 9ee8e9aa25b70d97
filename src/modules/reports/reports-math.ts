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

/** "2026-11", "2026-Q4" or "2026" for a date (YYYY-MM-DD). Quarters here are calendar quarters (revenue); VAT quarters follow the company's stagger (`vatQuarter`). */
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
  const { from, to } = vatQuarter(date, 1);
  return { from, to };
}

/**
 * HMRC VAT "stagger": which months end a business's VAT quarters.
 * 1: Mar/Jun/Sep/Dec (calendar quarters), 2: Apr/Jul/Oct/Jan, 3: May/Aug/Nov/Feb.
 */
export const VAT_STAGGERS = [1, 2, 3] as const;
export type VatStagger = (typeof VAT_STAGGERS)[number];
export const VAT_STAGGER_LABELS: Record<VatStagger, string> = {
  1: "Quarters ending March, June, September and December",
  2: "Quarters ending April, July, October and January",
  3: "Quarters ending May, August, November and February",
};

export function isVatStagger(v: unknown): v is VatStagger {
  return v === 1 || v === 2 || v === 3;
}

export type VatQuarter = {
  /** "2026-Q1" for calendar quarters (stagger 1); otherwise first and last month, "2025-12/2026-02". */
  key: string;
  /** "Feb–Apr 2026", or "Dec 2025–Feb 2026" when the quarter spans two years. */
  label: string;
  /** First and last day, YYYY-MM-DD. */
  from: string;
  to: string;
};

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const ym = (index: number) => ({ y: Math.floor(index / 12), m: (index % 12) + 1 });
const pad2 = (n: number) => String(n).padStart(2, "0");

/** The VAT quarter (for the company's stagger) containing a date (YYYY-MM-DD). */
export function vatQuarter(date: string, stagger: VatStagger): VatQuarter {
  const index = monthIndex(date);
  // Stagger n's quarters start in month n, n+3, n+6, n+9 (1-based); i.e. (index - (n-1)) % 3 === 0.
  const startIndex = index - ((((index - (stagger - 1)) % 3) + 3) % 3);
  const start = ym(startIndex);
  const end = ym(startIndex + 2);
  const from = `${start.y}-${pad2(start.m)}-01`;
  const to = new Date(Date.UTC(end.y, end.m, 0)).toISOString().slice(0, 10);
  const key = stagger === 1 ? `${start.y}-Q${(start.m + 2) / 3}` : `${start.y}-${pad2(start.m)}/${end.y}-${pad2(end.m)}`;
  const label = start.y === end.y ? `${MONTHS[start.m - 1]}–${MONTHS[end.m - 1]} ${end.y}` : `${MONTHS[start.m - 1]} ${start.y}–${MONTHS[end.m - 1]} ${end.y}`;
  return { key, label, from, to };
}

/** Every VAT quarter from the one containing `from` to the one containing `to`, in order. */
export function vatQuartersBetween(from: string, to: string, stagger: VatStagger): VatQuarter[] {
  const out: VatQuarter[] = [];
  const last = vatQuarter(to, stagger).key;
  let q = vatQuarter(from, stagger);
  for (let guard = 0; guard < 200; guard++) {
    out.push(q);
    if (q.key === last || q.from > to) break;
    const next = new Date(`${q.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    q = vatQuarter(next.toISOString().slice(0, 10), stagger);
  }
  return out;
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
