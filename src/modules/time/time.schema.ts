/** Time entries and timesheets: inputs and outputs (zod), shared by forms and route handlers. */
import { z } from "zod";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";
import { occurredAt } from "@/modules/jobs/jobs.schema.ts";
import { parseWeekStart } from "./time-week.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const weekStartSchema = z
  .string({ message: "Choose a week" })
  .refine((s) => parseWeekStart(s) !== null, "Choose a week starting on a Monday (YYYY-MM-DD)");

const instant = (message: string) => z.coerce.date({ message });

export const clockInInput = z.object({ jobId: z.uuid({ message: "Choose a job" }), engineerId: z.uuid().optional(), occurredAt });
export const clockEntryInput = z.object({ timeEntryId: z.uuid(), occurredAt });

export const timeEntryInput = z
  .object({
    engineerId: z.uuid({ message: "Choose an engineer" }).optional(),
    jobId: z.uuid({ message: "Choose a job" }).nullable().optional(),
    startedAt: instant("Enter the start time"),
    endedAt: instant("Enter the end time"),
    breakMinutes: z.coerce.number().int("Whole minutes").min(0, "Can't be negative").max(24 * 60, "That's too long").default(0),
    notes: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.endedAt <= v.startedAt) ctx.addIssue({ code: "custom", path: ["endedAt"], message: "The end must be after the start" });
    else if (v.endedAt.getTime() - v.startedAt.getTime() > 24 * 3600_000) ctx.addIssue({ code: "custom", path: ["endedAt"], message: "One entry can be at most 24 hours" });
    else if ((v.endedAt.getTime() - v.startedAt.getTime()) / 60_000 < v.breakMinutes) ctx.addIssue({ code: "custom", path: ["breakMinutes"], message: "The break is longer than the time worked" });
  });
export type TimeEntryInput = z.infer<typeof timeEntryInput>;

export const updateTimeEntryInput = z
  .object({
    jobId: z.uuid({ message: "Choose a job" }).nullable().optional(),
    startedAt: instant("Enter the start time").optional(),
    endedAt: instant("Enter the end time").optional(),
    breakMinutes: z.coerce.number().int("Whole minutes").min(0, "Can't be negative").max(24 * 60, "That's too long").optional(),
    notes: optionalText(1000),
  });
export type UpdateTimeEntryInput = z.infer<typeof updateTimeEntryInput>;

export const listTimeEntriesQuery = pageQuery.extend({
  engineerId: z.uuid().optional(),
  jobId: z.uuid().optional(),
  weekStart: weekStartSchema.optional(),
});
export type ListTimeEntriesQuery = z.infer<typeof listTimeEntriesQuery>;

export const timeEntryView = z.object({
  id: z.uuid(),
  engineer: z.object({ id: z.uuid(), name: z.string() }),
  job: z.object({ id: z.uuid(), number: z.string(), title: z.string() }).nullable(),
  source: z.enum(["CLOCK", "MANUAL"]),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  breakMinutes: z.number().int(),
  onBreakSince: z.string().nullable(),
  workedMinutes: z.number().int(),
  notes: z.string().nullable(),
  weekStart: z.string(),
  locked: z.boolean(),
});
export type TimeEntryView = z.infer<typeof timeEntryView>;
export const timeEntryList = listResponse(timeEntryView);

export const TIMESHEET_STATUSES = ["OPEN", "SUBMITTED", "APPROVED", "REJECTED"] as const;
export const TIMESHEET_STATUS_LABELS: Record<(typeof TIMESHEET_STATUSES)[number], string> = { OPEN: "Open", SUBMITTED: "Submitted", APPROVED: "Approved", REJECTED: "Rejected" };

export const listTimesheetsQuery = z.object({
  weekStart: weekStartSchema.optional(),
  engineerId: z.uuid().optional(),
  status: z.enum(TIMESHEET_STATUSES).optional(),
});
export type ListTimesheetsQuery = z.infer<typeof listTimesheetsQuery>;

export const submitTimesheetInput = z.object({ engineerId: z.uuid({ message: "Choose an engineer" }).optional(), weekStart: weekStartSchema });
export const rejectTimesheetInput = z.object({ reason: z.string({ message: "Say what needs changing" }).trim().min(1, "Say what needs changing").max(1000, "Keep this under 1000 characters") });
export const exportTimesheetsQuery = z.object({
  weekStart: weekStartSchema,
  format: z.enum(["csv", "xlsx"]).default("csv"),
  status: z.enum(["APPROVED", "ALL"]).default("APPROVED"),
});
export type ExportTimesheetsQuery = z.infer<typeof exportTimesheetsQuery>;

export const timesheetView = z.object({
  id: z.uuid().nullable(),
  engineer: z.object({ id: z.uuid(), name: z.string() }),
  weekStart: z.string(),
  status: z.enum(TIMESHEET_STATUSES),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  rejectionReason: z.string().nullable(),
  totalMinutes: z.number().int(),
  entryCount: z.number().int(),
  runningClock: z.boolean(),
  days: z.array(z.object({ date: z.string(), minutes: z.number().int() })),
  entries: z.array(timeEntryView).optional(),
});
export type TimesheetView = z.infer<typeof timesheetView>;
export const timesheetList = z.object({ weekStart: z.string(), items: z.array(timesheetView) });
