/** Client-side planner types and small pure helpers shared by the planner components. */
import type { PlannerData, PlannerEngineer, UnscheduledJob } from "../schedule.service.ts";
import type { UnavailabilityView, VisitView } from "../schedule.schema.ts";
import { formatClock, localParts } from "../schedule-time.ts";

export type { PlannerData, PlannerEngineer, UnscheduledJob, UnavailabilityView, VisitView };

export type Hours = PlannerData["hours"];

/** What is being dragged right now (kept in a ref: dragover can't read dataTransfer). */
export type DragPayload =
  | { kind: "job"; jobId: string; minutes: number }
  | { kind: "visit"; id: string; grabMs: number; durationMs: number };

export type VisitPatch = { engineerId?: string; startsAt?: string; endsAt?: string; notes?: string | null };

/** A save waiting on the server (and, after a 409, on the user's reason). */
export type Pending =
  | { kind: "create"; job: UnscheduledJob; body: { jobId: string; engineerId: string; startsAt: string; endsAt: string; notes?: string | null } }
  | { kind: "update"; id: string; patch: VisitPatch; before: VisitView };

export type SaveResult = { ok: true } | { ok: false; status: number; message: string; fields: Record<string, string> };

export const STATUS_CLASSES: Record<string, string> = {
  SCHEDULED: "border-info-200 bg-info-50 text-info-800",
  IN_PROGRESS: "border-progress-200 bg-progress-50 text-progress-800",
  ON_HOLD: "border-warning-200 bg-warning-50 text-warning-800",
};
export const statusClasses = (status: string) => STATUS_CLASSES[status] ?? "border-neutral-200 bg-neutral-50 text-neutral-800";

export function timeRange(v: { startsAt: string; endsAt: string }, timeZone: string): string {
  const a = localParts(new Date(v.startsAt), timeZone);
  const b = localParts(new Date(v.endsAt), timeZone);
  const same = a.year === b.year && a.month === b.month && a.day === b.day;
  return same ? `${formatClock(a.minute)}–${formatClock(b.minute)}` : `${formatClock(a.minute)}–${b.day}/${b.month} ${formatClock(b.minute)}`;
}

/** A document number split for narrow blocks: "JOB-00021" → ["JOB-", "00021"] (the prefix hides first). */
export function splitNumber(number: string): [prefix: string, rest: string] {
  const cut = number.lastIndexOf("-") + 1;
  return [number.slice(0, cut), number.slice(cut)];
}

const DAY_SHORT = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_SHORT = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const MONTH_LONG = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11-24" → "Tue 24 Nov" */
export function dayLabel(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${DAY_SHORT[wd === 0 ? 7 : wd]} ${d} ${MONTH_SHORT[m]}`;
}

export function isoWeekdayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`;
}

export function visitLabel(v: VisitView, engineerName: string, timeZone: string): string {
  return `${v.job.number} ${v.job.title}, ${v.job.clientName}, ${dayLabel(toIsoDate(v.startsAt, timeZone))} ${timeRange(v, timeZone)}, ${engineerName}`;
}

export function toIsoDate(instant: string | Date, timeZone: string): string {
  const p = localParts(new Date(instant), timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}
