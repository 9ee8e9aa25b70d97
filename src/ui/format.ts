/**
 * Pure, locale-fixed formatters (en-GB, Intl only). Safe on server and client: outputs are
 * assembled from Intl parts so Node and browsers render identical strings (no hydration drift).
 */

const MINUS = "\u2212"; // "−", a real minus sign: clearer than a hyphen next to "£"

const groupFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0, useGrouping: true });

export type FormatMoneyOptions = {
  /** "always" prefixes positive amounts with "+" (for adjustments and deltas). Default "auto". */
  signDisplay?: "auto" | "always";
};

/**
 * Integer pence → "£1,234.56". Negatives → "−£12.00". Never goes through floating-point pounds.
 * Non-integer input is rounded to the nearest penny; non-finite input renders "—".
 */
export function formatMoney(pence: number, options: FormatMoneyOptions = {}): string {
  if (!Number.isFinite(pence)) return "—";
  const whole = Math.round(pence);
  const abs = Math.abs(whole);
  const pounds = Math.trunc(abs / 100);
  const pennies = abs % 100;
  const body = `£${groupFormat.format(pounds)}.${String(pennies).padStart(2, "0")}`;
  if (whole < 0) return `${MINUS}${body}`;
  if (options.signDisplay === "always" && whole > 0) return `+${body}`;
  return body;
}

export type DateInput = Date | string | number;

function toDate(value: DateInput): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const DEFAULT_TZ = "Europe/London";

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions): Parts {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatterCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    formatterCache.set(key, f);
  }
  const out: Parts = {};
  for (const p of f.formatToParts(date)) if (p.type !== "literal") out[p.type] = p.value;
  return out;
}

/**
 * List style date-time in the company's time zone: "Mon 24 Nov, 09:30".
 * Pass `{ year: true }` to add the year ("Mon 24 Nov 2025, 09:30") for records outside this year.
 */
export function formatDateTime(
  value: DateInput,
  timeZone: string = DEFAULT_TZ,
  options: { year?: boolean } = {},
): string {
  const d = toDate(value);
  if (!d) return "—";
  const p = parts(d, timeZone, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const date = `${p.weekday} ${p.day} ${p.month}${options.year ? ` ${p.year}` : ""}`;
  return `${date}, ${p.hour}:${p.minute}`;
}

/** Short list-style date without time: "Mon 24 Nov" (or "Mon 24 Nov 2025" with `{ year: true }`). */
export function formatShortDate(
  value: DateInput,
  timeZone: string = DEFAULT_TZ,
  options: { year?: boolean } = {},
): string {
  const d = toDate(value);
  if (!d) return "—";
  const p = parts(d, timeZone, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
  return `${p.weekday} ${p.day} ${p.month}${options.year ? ` ${p.year}` : ""}`;
}

/** Full date for documents (quotes, invoices, certificates): "24 November 2025". */
export function formatDate(value: DateInput, timeZone: string = DEFAULT_TZ): string {
  const d = toDate(value);
  if (!d) return "—";
  const p = parts(d, timeZone, { day: "numeric", month: "long", year: "numeric" });
  return `${p.day} ${p.month} ${p.year}`;
}

/** Time only, 24-hour: "09:30". */
export function formatTime(value: DateInput, timeZone: string = DEFAULT_TZ): string {
  const d = toDate(value);
  if (!d) return "—";
  const p = parts(d, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${p.hour}:${p.minute}`;
}

/** ISO string for <time dateTime>. */
export function toIso(value: DateInput): string | undefined {
  return toDate(value)?.toISOString();
}
