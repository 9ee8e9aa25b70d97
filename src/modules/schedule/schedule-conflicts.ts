/**
 * Conflict detection for a proposed visit (pure: no I/O, unit-tested, shared by API and planner).
 *
 * Errors can't be overridden: end not after start, too long, unknown or not bookable engineer,
 * unknown or closed job. Warnings can be, with a reason: another booking for the same engineer
 * overlaps, the visit falls outside the company's working hours or on a non-working day (judged
 * in the company's time zone, so DST is handled), or the engineer is marked unavailable.
 */
import { addDays, formatClock, isoWeekday, localParts, sameDate, startOfLocalDay, zonedTime, type LocalDate } from "./schedule-time.ts";

/** Longest single visit: longer work is booked as several visits. */
export const MAX_VISIT_MINUTES = 7 * 24 * 60;

export const BOOKABLE_ROLES = ["ADMIN", "OFFICE", "ENGINEER"] as const;
export const OPEN_JOB_STATUSES = ["SCHEDULED", "IN_PROGRESS", "ON_HOLD"] as const;

export type ErrorCode = "END_NOT_AFTER_START" | "TOO_LONG" | "UNKNOWN_ENGINEER" | "ENGINEER_NOT_BOOKABLE" | "UNKNOWN_JOB" | "JOB_CLOSED";
export type WarningCode = "OVERLAP" | "OUTSIDE_HOURS" | "NON_WORKING_DAY" | "UNAVAILABLE";

/** Which input field an error belongs to (for field-level messages). */
export const ERROR_FIELD: Record<ErrorCode, "endsAt" | "engineerId" | "jobId"> = {
  END_NOT_AFTER_START: "endsAt",
  TOO_LONG: "endsAt",
  UNKNOWN_ENGINEER: "engineerId",
  ENGINEER_NOT_BOOKABLE: "engineerId",
  UNKNOWN_JOB: "jobId",
  JOB_CLOSED: "jobId",
};

export type ScheduleError = { code: ErrorCode; message: string };
export type ScheduleWarning = { code: WarningCode; message: string; relatedId?: string };

export type WorkingHours = { timeZone: string; workdayStartMinute: number; workdayEndMinute: number; workingDays: number[] };

export type ConflictInput = {
  visit: { id?: string | null; startsAt: Date; endsAt: Date };
  company: WorkingHours;
  engineer: { name: string; role: string; status: string } | null;
  job: { status: string } | null;
  /** The engineer's other bookings near the window (the visit itself is ignored by id). */
  otherVisits: { id: string; startsAt: Date; endsAt: Date; jobNumber: string }[];
  unavailability: { id: string; kind: string; startsAt: Date; endsAt: Date }[];
};

export type ConflictResult = { errors: ScheduleError[]; warnings: ScheduleWarning[] };

const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

const KIND_WORDS: Record<string, string> = { LEAVE: "on leave", SICK: "off sick", TRAINING: "on training", OTHER: "unavailable" };
const DAY_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function describeSpan(startsAt: Date, endsAt: Date, timeZone: string): string {
  const a = localParts(startsAt, timeZone);
  const b = localParts(endsAt, timeZone);
  const day = (p: LocalDate & { isoWeekday: number }) => `${DAY_NAMES[p.isoWeekday]!.slice(0, 3)} ${p.day}/${p.month}`;
  return sameDate(a, b) ? `${day(a)} ${formatClock(a.minute)}–${formatClock(b.minute)}` : `${day(a)} ${formatClock(a.minute)} – ${day(b)} ${formatClock(b.minute)}`;
}

/** Working-hours warnings: every local day the visit touches must be a working day, and the part on it inside the hours. */
export function workingHoursWarnings(startsAt: Date, endsAt: Date, hours: WorkingHours): ScheduleWarning[] {
  const tz = hours.timeZone;
  const warnings: ScheduleWarning[] = [];
  const offDays = new Set<number>();
  let outside = false;
  let day: LocalDate = localParts(startsAt, tz);
  for (let i = 0; i < 16; i++) {
    const dayStart = startOfLocalDay(day, tz);
    if (dayStart.getTime() >= endsAt.getTime()) break;
    const next = addDays(day, 1);
    const dayEnd = startOfLocalDay(next, tz);
    const segStart = Math.max(startsAt.getTime(), dayStart.getTime());
    const segEnd = Math.min(endsAt.getTime(), dayEnd.getTime());
    if (segEnd > segStart) {
      const wd = isoWeekday(day);
      if (!hours.workingDays.includes(wd)) offDays.add(wd);
      else {
        const open = zonedTime(day, hours.workdayStartMinute, tz).getTime();
        const close = zonedTime(day, hours.workdayEndMinute, tz).getTime();
        if (segStart < open || segEnd > close) outside = true;
      }
    }
    day = next;
  }
  if (offDays.size > 0) {
    const names = [...offDays].sort().map((d) => DAY_NAMES[d]);
    warnings.push({ code: "NON_WORKING_DAY", message: `${names.join(" and ")} ${names.length > 1 ? "are not working days" : "is not a working day"}.` });
  }
  if (outside) {
    warnings.push({
      code: "OUTSIDE_HOURS",
      message: `Outside working hours (${formatClock(hours.workdayStartMinute)}–${formatClock(hours.workdayEndMinute)}).`,
    });
  }
  return warnings;
}

export function detectConflicts(input: ConflictInput): ConflictResult {
  const { visit, company } = input;
  const errors: ScheduleError[] = [];
  const warnings: ScheduleWarning[] = [];

  const minutes = (visit.endsAt.getTime() - visit.startsAt.getTime()) / 60_000;
  if (!(minutes > 0)) errors.push({ code: "END_NOT_AFTER_START", message: "The visit must end after it starts." });
  else if (minutes > MAX_VISIT_MINUTES) errors.push({ code: "TOO_LONG", message: "A visit can last at most 7 days: book longer work as several visits." });

  if (!input.engineer) errors.push({ code: "UNKNOWN_ENGINEER", message: "Choose an engineer from your team." });
  else if (input.engineer.status !== "ACTIVE" || !(BOOKABLE_ROLES as readonly string[]).includes(input.engineer.role)) {
    errors.push({ code: "ENGINEER_NOT_BOOKABLE", message: `${input.engineer.name} can't be booked on visits.` });
  }

  if (!input.job) errors.push({ code: "UNKNOWN_JOB", message: "Choose a job." });
  else if (!(OPEN_JOB_STATUSES as readonly string[]).includes(input.job.status)) {
    errors.push({ code: "JOB_CLOSED", message: `This job is ${input.job.status === "CANCELLED" ? "cancelled" : input.job.status === "INVOICED" ? "invoiced" : "completed"}: it can't be scheduled.` });
  }

  // Warnings only make sense for a well-formed window.
  if (errors.some((e) => e.code === "END_NOT_AFTER_START" || e.code === "TOO_LONG")) return { errors, warnings };

  const name = input.engineer?.name ?? "The engineer";
  const others = input.otherVisits
    .filter((v) => v.id !== visit.id && overlaps(v, visit))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const o of others) {
    warnings.push({
      code: "OVERLAP",
      message: `${name} is already booked on ${o.jobNumber} (${describeSpan(o.startsAt, o.endsAt, company.timeZone)}).`,
      relatedId: o.id,
    });
  }

  warnings.push(...workingHoursWarnings(visit.startsAt, visit.endsAt, company));

  for (const u of input.unavailability.filter((x) => overlaps(x, visit)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    warnings.push({
      code: "UNAVAILABLE",
      message: `${name} is ${KIND_WORDS[u.kind] ?? "unavailable"} (${describeSpan(u.startsAt, u.endsAt, company.timeZone)}).`,
      relatedId: u.id,
    });
  }
  return { errors, warnings };
}
