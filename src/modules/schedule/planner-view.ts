/**
 * Planner geometry (pure, shared by the page and the browser): which local days a view shows,
 * how a visit splits into per-day segments, the hours the lanes span, and rows for overlaps.
 */
import { addDays, localParts, parseLocalDate, startOfLocalDay, startOfWeek, zonedTime, type LocalDate } from "./schedule-time.ts";

export const PLANNER_VIEWS = ["day", "week", "month"] as const;
export type PlannerView = (typeof PLANNER_VIEWS)[number];

/** Drops snap to a quarter of an hour. */
export const SNAP_MINUTES = 15;
export const DEFAULT_VISIT_MINUTES = 120;

export function plannerWindow(view: PlannerView, date: LocalDate, timeZone: string): { days: LocalDate[]; from: Date; to: Date } {
  let first: LocalDate;
  let count: number;
  if (view === "day") {
    first = date;
    count = 1;
  } else if (view === "week") {
    first = startOfWeek(date);
    count = 7;
  } else {
    first = startOfWeek({ year: date.year, month: date.month, day: 1 });
    count = 42;
  }
  const days = Array.from({ length: count }, (_, i) => addDays(first, i));
  return { days, from: startOfLocalDay(first, timeZone), to: startOfLocalDay(addDays(first, count), timeZone) };
}

/** The date the previous/next button goes to. */
export function stepDate(view: PlannerView, date: LocalDate, direction: -1 | 1): LocalDate {
  if (view === "day") return addDays(date, direction);
  if (view === "week") return addDays(date, 7 * direction);
  const d = new Date(Date.UTC(date.year, date.month - 1 + direction, 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: 1 };
}

export type Segment = { dayIndex: number; startMinute: number; endMinute: number; first: boolean; last: boolean };

/** The parts of [startsAt, endsAt) on each shown day, as minutes after that day's local midnight. */
export function segmentsOf(startsAt: Date, endsAt: Date, days: string[], timeZone: string): Segment[] {
  const out: Segment[] = [];
  const s = startsAt.getTime();
  const e = endsAt.getTime();
  days.forEach((iso, dayIndex) => {
    const d = parseLocalDate(iso)!;
    const dayStart = startOfLocalDay(d, timeZone).getTime();
    const dayEnd = startOfLocalDay(addDays(d, 1), timeZone).getTime();
    if (e <= dayStart || s >= dayEnd) return;
    const a = Math.max(s, dayStart);
    const b = Math.min(e, dayEnd);
    out.push({
      dayIndex,
      startMinute: Math.round((a - dayStart) / 60_000),
      endMinute: Math.round((b - dayStart) / 60_000),
      first: a === s,
      last: b === e,
    });
  });
  return out;
}

/** The minutes the lanes span: working hours with an hour either side, widened to show every visit. */
export function displayRange(hours: { workdayStartMinute: number; workdayEndMinute: number }, segments: { startMinute: number; endMinute: number }[]) {
  let start = Math.max(0, hours.workdayStartMinute - 60);
  let end = Math.min(1440, hours.workdayEndMinute + 60);
  for (const s of segments) {
    start = Math.min(start, s.startMinute);
    end = Math.max(end, s.endMinute);
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(1440, Math.ceil(end / 60) * 60) };
}

/** Rows so overlapping items in one lane-day sit one above the other (greedy, by start). */
export function assignRows<T extends { startMinute: number; endMinute: number }>(items: T[]): { item: T; row: number }[] {
  const sorted = [...items].sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);
  const rowEnds: number[] = [];
  return sorted.map((item) => {
    let row = rowEnds.findIndex((end) => end <= item.startMinute);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = item.endMinute;
    return { item, row };
  });
}

/** The instant for a minute on a shown local day, snapped to the grid. */
export function instantAt(dayIso: string, minute: number, timeZone: string): Date {
  const snapped = Math.round(minute / SNAP_MINUTES) * SNAP_MINUTES;
  return zonedTime(parseLocalDate(dayIso)!, Math.max(0, Math.min(1440, snapped)), timeZone);
}

/** Local date and minute of an instant, as form values ("2026-11-24", "09:30"). */
export function toFormValues(instant: Date, timeZone: string): { date: string; minute: number } {
  const p = localParts(instant, timeZone);
  return { date: `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`, minute: p.minute };
}
