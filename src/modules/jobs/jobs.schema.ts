/** One zod schema per input and output of the jobs area, shared by forms and route handlers. */
import { z } from "zod";
import { idParams, listResponse, pageQuery } from "@/server/http/pagination.ts";
import { JOB_STATUSES } from "./job-status.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

const requiredText = (max: number, message: string) => z.string({ message }).trim().min(1, message).max(max, `Keep this under ${max} characters`);

/** An offline action's device time (ISO); never in the future beyond a small clock skew. */
export const occurredAt = z.coerce
  .date({ message: "Enter a valid date and time" })
  .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, "That time is in the future")
  .optional();

export const jobParams = idParams;
export const jobStatusSchema = z.enum(JOB_STATUSES);

export const listJobsQuery = pageQuery.extend({
  status: jobStatusSchema.optional(),
  q: z.string().trim().max(100).optional(),
  clientId: z.uuid().optional(),
});
export type ListJobsQuery = z.infer<typeof listJobsQuery>;

export const createJobInput = z.object({
  clientId: z.uuid({ message: "Choose a client" }),
  siteId: z.uuid({ message: "Choose a site" }).nullable().optional(),
  title: requiredText(200, "Give the job a title"),
  scope: optionalText(10_000),
  estimatedMinutes: z.coerce.number().int("Whole minutes").min(0, "Can't be negative").max(100_000, "That's too long").nullable().optional(),
});
export type CreateJobInput = z.infer<typeof createJobInput>;

export const updateJobInput = z.object({
  title: requiredText(200, "Give the job a title").optional(),
  scope: optionalText(10_000),
  siteId: z.uuid({ message: "Choose a site" }).nullable().optional(),
  estimatedMinutes: z.coerce.number().int("Whole minutes").min(0, "Can't be negative").max(100_000, "That's too long").nullable().optional(),
});
export type UpdateJobInput = z.infer<typeof updateJobInput>;

export const fromQuoteInput = z.object({ quoteId: z.uuid({ message: "Choose a quote" }) });

export const transitionInput = z.object({
  to: jobStatusSchema,
  reason: optionalText(1000),
  occurredAt,
});
export type TransitionInput = z.infer<typeof transitionInput>;

export const completeJobInput = z.object({
  signerName: requiredText(200, "Enter the name of the person signing"),
  /** A PNG data URL from the signature pad. */
  signatureDataUrl: z
    .string({ message: "Sign in the box" })
    .max(2_000_000, "The signature image is too large")
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, "Sign in the box"),
  overrideReason: optionalText(1000),
  occurredAt,
});
export type CompleteJobInput = z.infer<typeof completeJobInput>;

export const addNoteInput = z.object({ body: requiredText(5000, "Write the note"), occurredAt });
export type AddNoteInput = z.infer<typeof addNoteInput>;

export const assignmentInput = z.object({ engineerId: z.uuid({ message: "Choose an engineer" }) });
export const assignmentParams = z.object({ id: z.uuid(), engineerId: z.uuid() });

// ---- outputs ----

export const jobListItem = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  status: jobStatusSchema,
  client: z.object({ id: z.uuid(), name: z.string() }),
  site: z.object({ id: z.uuid(), postcode: z.string(), addressLine1: z.string() }).nullable(),
  quoteId: z.uuid().nullable(),
  budgetNetPence: z.number().int(),
  nextVisitAt: z.string().nullable(),
  createdAt: z.string(),
});
export type JobListItem = z.infer<typeof jobListItem>;
export const jobList = listResponse(jobListItem);

const personRef = z.object({ id: z.uuid(), name: z.string() });

export const checklistItemView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  label: z.string(),
  description: z.string().nullable(),
  required: z.boolean(),
  completedAt: z.string().nullable(),
  completedBy: personRef.nullable(),
});
export const jobChecklistView = z.object({
  id: z.uuid(),
  title: z.string(),
  templateId: z.uuid().nullable(),
  templateVersion: z.number().int().nullable(),
  items: z.array(checklistItemView),
});
export type JobChecklistView = z.infer<typeof jobChecklistView>;

export const jobView = jobListItem.extend({
  scope: z.string().nullable(),
  estimatedMinutes: z.number().int().nullable(),
  site: z
    .object({ id: z.uuid(), label: z.string().nullable(), addressLine1: z.string(), addressLine2: z.string().nullable(), town: z.string(), postcode: z.string(), accessNotes: z.string().nullable() })
    .nullable(),
  client: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  quote: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  onHoldReason: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedBy: personRef.nullable(),
  completionSignerName: z.string().nullable(),
  completionSignatureFileId: z.uuid().nullable(),
  completionOverrideReason: z.string().nullable(),
  updatedAt: z.string(),
  budgetLines: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      section: z.string().nullable(),
      kind: z.enum(["LABOUR", "MATERIALS", "FIXED"]),
      description: z.string(),
      quantityMilli: z.number().int(),
      unitPricePence: z.number().int(),
      discountBps: z.number().int(),
      vatRateBps: z.number().int().nullable(),
      netPence: z.number().int(),
    }),
  ),
  engineers: z.array(personRef),
  visits: z.array(z.object({ id: z.uuid(), engineer: personRef, startsAt: z.string(), endsAt: z.string(), notes: z.string().nullable() })),
  checklists: z.array(jobChecklistView),
  files: z.array(
    z.object({ id: z.uuid(), fileId: z.uuid(), fileName: z.string(), contentType: z.string(), caption: z.string().nullable(), takenAt: z.string().nullable(), uploadedBy: personRef.nullable(), createdAt: z.string(), downloadUrl: z.string() }),
  ),
  invoices: z.array(z.object({ id: z.uuid(), number: z.string().nullable(), status: z.string(), grossPence: z.number().int().nullable() })),
  time: z.object({ minutesLogged: z.number().int(), labourBudgetMinutes: z.number().int().nullable(), labourBudgetNetPence: z.number().int() }),
});
export type JobView = z.infer<typeof jobView>;

export const noteView = z.object({ id: z.uuid(), body: z.string(), author: personRef.nullable(), createdAt: z.string() });
export type JobNoteView = z.infer<typeof noteView>;
export const noteList = listResponse(noteView);

export const jobFileOutput = z.object({ id: z.uuid(), fileId: z.uuid(), fileName: z.string(), caption: z.string().nullable(), downloadUrl: z.string() });
