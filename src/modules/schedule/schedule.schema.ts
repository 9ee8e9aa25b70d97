/** Planner inputs and outputs: visits (schedule entries) and engineer unavailability. One zod schema per input, shared by form and handler. */
import { z } from "zod";

/** Widest window one list request may ask for (a month view shows six weeks). */
export const MAX_WINDOW_DAYS = 62;

const instant = (what: string) => z.iso.datetime({ offset: true, message: `Enter ${what} as a date and time` }).transform((s) => new Date(s));
const reason = z.string().trim().min(3, "Give a reason of at least 3 characters").max(500, "Keep the reason under 500 characters");
const notes = z
  .string()
  .trim()
  .max(2000, "Keep notes under 2000 characters")
  .transform((v) => (v === "" ? null : v))
  .nullable();

export const scheduleWindowQuery = z
  .object({
    from: instant("the start"),
    to: instant("the end"),
    engineerId: z.uuid("Choose an engineer").optional(),
  })
  .strict()
  .refine((q) => q.to.getTime() > q.from.getTime(), { message: "The end must be after the start", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= MAX_WINDOW_DAYS * 86_400_000, { message: `Ask for at most ${MAX_WINDOW_DAYS} days at a time`, path: ["to"] });
export type ScheduleWindowQuery = z.infer<typeof scheduleWindowQuery>;

export const createVisitInput = z
  .object({
    jobId: z.uuid("Choose a job"),
    engineerId: z.uuid("Choose an engineer"),
    startsAt: instant("the start"),
    endsAt: instant("the end"),
    notes: notes.optional(),
    /** Saves despite conflict warnings; stored on the visit and audited. */
    overrideReason: reason.optional(),
  })
  .strict();
export type CreateVisitInput = z.infer<typeof createVisitInput>;

/** Move (startsAt/endsAt), resize (endsAt), reassign (engineerId) or change notes. */
export const updateVisitInput = z
  .object({
    engineerId: z.uuid("Choose an engineer").optional(),
    startsAt: instant("the start").optional(),
    endsAt: instant("the end").optional(),
    notes: notes.optional(),
    overrideReason: reason.optional(),
  })
  .strict()
  .refine((v) => v.engineerId !== undefined || v.startsAt !== undefined || v.endsAt !== undefined || v.notes !== undefined, "Nothing to change");
export type UpdateVisitInput = z.infer<typeof updateVisitInput>;

/** A proposed visit to check: a new one (jobId) or a change to an existing one (visitId). */
export const checkVisitInput = z
  .object({
    visitId: z.uuid().optional(),
    jobId: z.uuid("Choose a job").optional(),
    engineerId: z.uuid("Choose an engineer"),
    startsAt: instant("the start"),
    endsAt: instant("the end"),
  })
  .strict()
  .refine((v) => !!v.visitId || !!v.jobId, { message: "Choose a job", path: ["jobId"] });
export type CheckVisitInput = z.infer<typeof checkVisitInput>;

export const visitParams = z.object({ id: z.uuid() });

const issue = z.object({ code: z.string(), message: z.string() });
export const scheduleWarningOutput = issue.extend({ relatedId: z.string().optional() });
export const checkVisitOutput = z.object({ errors: z.array(issue), warnings: z.array(scheduleWarningOutput) });
export type CheckVisitOutput = z.infer<typeof checkVisitOutput>;

export const visitOutput = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  engineerId: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  notes: z.string().nullable(),
  overrideReason: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  job: z.object({
    number: z.string(),
    title: z.string(),
    status: z.string(),
    clientName: z.string(),
    site: z.object({ addressLine1: z.string(), town: z.string(), postcode: z.string() }).nullable(),
  }),
});
export type VisitView = z.infer<typeof visitOutput>;
export const visitList = z.object({ items: z.array(visitOutput) });

export const UNAVAILABILITY_KINDS = ["LEAVE", "SICK", "TRAINING", "OTHER"] as const;
export const UNAVAILABILITY_LABELS: Record<(typeof UNAVAILABILITY_KINDS)[number], string> = { LEAVE: "Leave", SICK: "Sick", TRAINING: "Training", OTHER: "Unavailable" };

export const createUnavailabilityInput = z
  .object({
    engineerId: z.uuid("Choose an engineer"),
    kind: z.enum(UNAVAILABILITY_KINDS, { message: "Choose leave, sick, training or other" }),
    startsAt: instant("the start"),
    endsAt: instant("the end"),
    note: notes.optional(),
  })
  .strict()
  .refine((v) => v.endsAt.getTime() > v.startsAt.getTime(), { message: "The end must be after the start", path: ["endsAt"] })
  .refine((v) => v.endsAt.getTime() - v.startsAt.getTime() <= 366 * 86_400_000, { message: "Enter at most a year at a time", path: ["endsAt"] });
export type CreateUnavailabilityInput = z.infer<typeof createUnavailabilityInput>;

export const updateUnavailabilityInput = z
  .object({
    kind: z.enum(UNAVAILABILITY_KINDS, { message: "Choose leave, sick, training or other" }).optional(),
    startsAt: instant("the start").optional(),
    endsAt: instant("the end").optional(),
    note: notes.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change");
export type UpdateUnavailabilityInput = z.infer<typeof updateUnavailabilityInput>;

export const unavailabilityOutput = z.object({
  id: z.uuid(),
  engineerId: z.uuid(),
  kind: z.enum(UNAVAILABILITY_KINDS),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  note: z.string().nullable(),
});
export type UnavailabilityView = z.infer<typeof unavailabilityOutput>;
export const unavailabilityList = z.object({ items: z.array(unavailabilityOutput) });
