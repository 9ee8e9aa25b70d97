/**
 * Timesheet weeks (pure): a week runs from Monday 00:00 to the next Monday 00:00 in the company's
 * time zone, whatever the daylight-saving changes inside it. An entry belongs to the week its
 * start falls in. Built on the planner's Intl-only zone helpers.
 */
import { addDays, formatLocalDate, isoWeekday, localParts, parseLocalDate, startOfLocalDay, startOfWeek } from "@/modules/schedule/schedule-time.ts";

/** "2026-11-16": the Monday (company time zone) of the week containing this instant. */
export function weekStartOf(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return formatLocalDate(startOfWeek({ year: p.year, month: p.month, day: p.day }));
}

/** A "YYYY-MM-DD" that is a real Monday, or null. */
export function parseWeekStart(s: string): string | null {
  const d = parseLocalDate(s);
  if (!d || isoWeekday(d) !== 1) return null;
  return formatLocalDate(d);
}

/** The instants the week covers: [from, to). 167, 168 or 169 hours long around clock changes. */
export function weekWindow(weekStart: string, timeZone: string): { from: Date; to: Date } {
  const d = parseLocalDate(weekStart);
  if (!d) throw new RangeError(`Not a date: ${weekStart}`);
  return { from: startOfLocalDay(d, timeZone), to: startOfLocalDay(addDays(d, 7), timeZone) };
}

/** The seven local dates of the week, Monday first. */
export function weekDays(weekStart: string): string[] {
  const d = parseLocalDate(weekStart);
  if (!d) throw new RangeError(`Not a date: ${weekStart}`);
  return Array.from({ length: 7 }, (_, i) => formatLocalDate(addDays(d, i)));
}

/** The week before or after. */
export function shiftWeek(weekStart: string, weeks: number): string {
  const d = parseLocalDate(weekStart);
  if (!d) throw new RangeError(`Not a date: ${weekStart}`);
  return formatLocalDate(addDays(d, 7 * weeks));
}

/** A @db.Date column value for a local date (midnight UTC of that calendar day). */
export function dbDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The "YYYY-MM-DD" of a @db.Date column value. */
export function fromDbDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Worked minutes of an entry: end (or `now` while the clock runs) − start − breaks, never negative. */
export function workedMinutes(e: { startedAt: Date; endedAt: Date | null; breakMinutes: number }, now = new Date()): number {
  const end = e.endedAt ?? now;
  return Math.max(0, Math.round((end.getTime() - e.startedAt.getTime()) / 60_000) - e.breakMinutes);
}

/** Hours as payroll wants them: 450 minutes → 7.5 (two decimals at most). */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
