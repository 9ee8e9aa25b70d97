/**
 * Wall-clock time in a company's time zone (Intl only, so it runs the same in Node and the browser).
 * Dates are stored UTC; the planner thinks in local days and minutes after local midnight, and
 * these helpers convert between the two correctly across daylight-saving changes.
 */

export type LocalDate = { year: number; month: number; day: number };
export type LocalParts = LocalDate & { minute: number; isoWeekday: number };

const MINUTE = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The local calendar date, minutes after local midnight and ISO weekday (1 = Monday) of an instant. */
export function localParts(instant: Date | number, timeZone: string): LocalParts {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) out[p.type] = p.value;
  const hour = Number(out.hour) % 24;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    minute: hour * 60 + Number(out.minute),
    isoWeekday: WEEKDAYS[out.weekday!] ?? 1,
  };
}

/** Offset of the zone from UTC at an instant, in ms (Europe/London: 0 in winter, +1 h in summer). */
function offsetAt(ms: number, timeZone: string): number {
  const base = ms - (((ms % MINUTE) + MINUTE) % MINUTE);
  const p = localParts(base, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, 0, p.minute) - base;
}

/**
 * The instant of a local wall-clock time. On the spring-forward day a time in the gap (01:30 in
 * London) maps forward past the gap; on the fall-back day an ambiguous time takes the first one.
 */
export function zonedTime(date: LocalDate, minute: number, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, 0, minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  if (first === second) return new Date(first);
  // The offsets disagree around a change: prefer the reading that round-trips to the same wall time.
  const ok = (ms: number) => {
    const p = localParts(ms, timeZone);
    return p.year === date.year && p.month === date.month && p.day === date.day && p.minute === minute;
  };
  if (ok(Math.min(first, second))) return new Date(Math.min(first, second));
  if (ok(Math.max(first, second))) return new Date(Math.max(first, second));
  return new Date(Math.max(first, second));
}

/** Local midnight at the start of a local date. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedTime(date, 0, timeZone);
}

/** The local date `n` days after `date` (calendar arithmetic, no time zone involved). */
export function addDays(date: LocalDate, n: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
export function isoWeekday(date: LocalDate): number {
  const wd = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** "2026-11-23" */
export function formatLocalDate(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** "2026-11-23" → a local date, or null when it is not a real calendar date. */
export function parseLocalDate(s: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = addDays(d, 0);
  return sameDate(back, d) ? d : null;
}

/** "09:30" → 570, or null. */
export function parseClock(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** 570 → "09:30" */
export function formatClock(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Minutes between two instants. */
export function minutesBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / MINUTE);
}

/** Monday of the local week containing `date`. */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}
