/**
 * The engineer's own API: the read models the phone caches (assigned jobs with their visits, one
 * job with everything needed on site) and the offline sync protocol. Pure zod, used by the route
 * handlers; the browser imports only its types (`import type`) and engineer.constants.ts, so zod
 * stays out of the phone's bundle.
 */
import { z } from "zod";
import { PHOTO_MAX_BYTES, SIGNATURE_MAX_DATA_URL, SYNC_BATCH_MAX } from "./engineer.constants.ts";

// ---------------------------------------------------------------------------------------------
// Read models

export const JOB_STATUSES = ["SCHEDULED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "INVOICED", "CANCELLED"] as const;
export type EngineerJobStatus = (typeof JOB_STATUSES)[number];

export const engineerVisit = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  notes: z.string().nullable(),
});
export type EngineerVisit = z.infer<typeof engineerVisit>;

export const engineerSite = z.object({
  label: z.string().nullable(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  town: z.string(),
  postcode: z.string(),
  accessNotes: z.string().nullable(),
});

export const engineerJobSummary = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(JOB_STATUSES),
  clientName: z.string(),
  site: engineerSite.nullable(),
  /** This engineer's visits to the job in the window (today and upcoming), soonest first. */
  visits: z.array(engineerVisit),
});
export type EngineerJobSummary = z.infer<typeof engineerJobSummary>;

export const engineerJobList = z.object({
  /** When the server answered (ISO): the device keeps the newest copy. */
  fetchedAt: z.string(),
  /** The company's time zone: "today" and times are shown in it. */
  timeZone: z.string(),
  /** Jobs with a visit today (company time zone), by first visit. */
  today: z.array(engineerJobSummary),
  /** Jobs with a visit in the coming days (not today), by first visit. */
  upcoming: z.array(engineerJobSummary),
  /** Other open jobs assigned to the engineer without a visit in the window. */
  unscheduled: z.array(engineerJobSummary),
});
export type EngineerJobList = z.infer<typeof engineerJobList>;

export const engineerChecklistItem = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  required: z.boolean(),
  done: z.boolean(),
  completedAt: z.string().nullable(),
});
export type EngineerChecklistItem = z.infer<typeof engineerChecklistItem>;

export const engineerJob = engineerJobSummary.extend({
  fetchedAt: z.string(),
  timeZone: z.string(),
  scope: z.string().nullable(),
  client: z.object({
    name: z.string(),
    contactName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  checklists: z.array(z.object({ id: z.string(), title: z.string(), items: z.array(engineerChecklistItem) })),
  photos: z.array(z.object({ id: z.string(), url: z.string(), caption: z.string().nullable(), takenAt: z.string().nullable() })),
  notes: z.array(z.object({ id: z.string(), body: z.string(), authorName: z.string().nullable(), createdAt: z.string() })),
  /** This engineer's time on this job. `running` is the open clock entry, if any. */
  time: z.object({
    running: z.object({ startedAt: z.string(), breakStartedAt: z.string().nullable(), breakMinutes: z.number() }).nullable(),
    entries: z.array(z.object({ id: z.string(), startedAt: z.string(), endedAt: z.string().nullable(), breakMinutes: z.number() })),
  }),
  completion: z.object({ completedAt: z.string(), signerName: z.string().nullable() }).nullable(),
  cancelledReason: z.string().nullable(),
});
export type EngineerJob = z.infer<typeof engineerJob>;

export const jobFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Sync protocol

// Plain values live in engineer.constants.ts (the browser imports them without zod).
export { PHOTO_MAX_BYTES, SIGNATURE_MAX_DATA_URL, SYNC_ACTION_LABELS, SYNC_BATCH_MAX } from "./engineer.constants.ts";
const PHOTO_MAX_DATA_URL = Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 40;

const dataUrl = (types: RegExp, max: number, what: string) =>
  z
    .string({ message: `Add the ${what}` })
    .max(max, `The ${what} is too large`)
    .refine((v) => types.test(v), `The ${what} must be an image`);

const base = {
  clientActionId: z.uuid("Each action needs a device-generated id"),
  jobId: z.uuid("Unknown job"),
  occurredAt: z.iso.datetime({ offset: true, message: "When it happened must be a date and time" }),
};
const empty = z.object({}).strict().optional().default({});

export const syncAction = z.discriminatedUnion("type", [
  z.object({
    ...base,
    type: z.literal("checklist.set"),
    payload: z.object({ itemId: z.uuid("Unknown checklist item"), done: z.boolean() }),
  }),
  z.object({
    ...base,
    type: z.literal("note.add"),
    payload: z.object({ body: z.string().trim().min(1, "Write the note first").max(5000, "Keep notes under 5000 characters") }),
  }),
  z.object({
    ...base,
    type: z.literal("photo.add"),
    payload: z.object({
      dataUrl: dataUrl(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, PHOTO_MAX_DATA_URL, "photo"),
      caption: z.string().trim().max(200, "Keep captions under 200 characters").nullable().optional(),
      fileName: z.string().trim().max(200).nullable().optional(),
    }),
  }),
  z.object({ ...base, type: z.literal("time.clockIn"), payload: empty }),
  z.object({ ...base, type: z.literal("time.clockOut"), payload: empty }),
  z.object({ ...base, type: z.literal("time.breakStart"), payload: empty }),
  z.object({ ...base, type: z.literal("time.breakEnd"), payload: empty }),
  z.object({ ...base, type: z.literal("job.start"), payload: empty }),
  z.object({
    ...base,
    type: z.literal("job.complete"),
    payload: z.object({
      signerName: z.string().trim().min(1, "Enter the name of the person signing").max(120, "Keep the name under 120 characters"),
      signatureDataUrl: dataUrl(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, SIGNATURE_MAX_DATA_URL, "signature"),
    }),
  }),
]);
export type SyncAction = z.infer<typeof syncAction>;
export type SyncActionInput = z.input<typeof syncAction>;
export type SyncActionType = SyncAction["type"];
export const SYNC_ACTION_TYPES = syncAction.options.map((o) => o.shape.type.value) as SyncActionType[];

/**
 * The request envelope: each action only needs its id here; its full shape is checked one by
 * one, so a malformed action is `rejected` on its own instead of failing the whole batch.
 */
export const syncRequest = z.object({
  actions: z
    .array(z.looseObject({ clientActionId: z.uuid("Each action needs a device-generated id") }))
    .min(1, "Send at least one action")
    .max(SYNC_BATCH_MAX, `Send at most ${SYNC_BATCH_MAX} actions at a time`),
});

export const SYNC_OUTCOMES = ["applied", "conflict", "rejected"] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

export const syncResult = z.object({
  clientActionId: z.string(),
  outcome: z.enum(SYNC_OUTCOMES),
  /** A message the engineer can act on (conflict/rejected). */
  message: z.string().nullable(),
  /** True when this action had already been received: nothing was changed this time. */
  replayed: z.boolean(),
});
export type SyncResult = z.infer<typeof syncResult>;

export const syncResponse = z.object({ results: z.array(syncResult) });
export type SyncResponse = z.infer<typeof syncResponse>;
