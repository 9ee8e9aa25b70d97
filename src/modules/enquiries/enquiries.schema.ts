/** Enquiries (leads) and pipeline stages: one zod schema per input, shared by forms and handlers. */
import { z } from "zod";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

const optionalEmail = z
  .union([z.literal(""), z.email("Enter a valid email address, like name@example.com")])
  .transform((v) => (v === "" ? null : v.toLowerCase()))
  .nullable()
  .optional();

const postcode = z
  .string()
  .trim()
  .toUpperCase()
  .max(10, "Enter a UK postcode, like LS2 7DJ")
  .transform((v) => (v === "" ? null : v.replace(/\s+/g, " ")))
  .nullable()
  .optional();

/** "1,250.50" / 1250.5 (pounds) → 125050 pence; "" → null. Exact: no floating point on the way. */
export const poundsToPence = z
  .union([z.string(), z.number()])
  .transform((v, c) => {
    const s = String(v).trim().replace(/[£,\s]/g, "");
    if (s === "") return null;
    const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(s);
    if (!m) {
      c.addIssue({ code: "custom", message: "Enter an amount in pounds, like 1250 or 1250.50" });
      return z.NEVER;
    }
    return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  })
  .nullable()
  .optional();

const name = z.string().trim().min(1, "Enter the person's name").max(120, "Keep the name under 120 characters");
const description = z.string().trim().min(1, "Say what the work is").max(5000, "Keep the description under 5,000 characters");

export const enquiryFields = {
  name,
  email: optionalEmail,
  phone: optionalText(30),
  addressLine1: optionalText(120),
  town: optionalText(80),
  postcode,
  description,
  /** Estimated value in pounds; stored as pence. */
  estimatedValue: poundsToPence,
};

export const createEnquiryInput = z
  .object({
    ...enquiryFields,
    ownerId: z.union([z.literal(""), z.uuid("Choose someone from the list")]).transform((v) => (v === "" ? null : v)).nullable().optional(),
    stageId: z.union([z.literal(""), z.uuid("Choose a stage from the list")]).transform((v) => (v === "" ? null : v)).nullable().optional(),
  })
  .strict();
export type CreateEnquiryInput = z.infer<typeof createEnquiryInput>;

export const updateEnquiryInput = z.object(enquiryFields).partial().strict();
export type UpdateEnquiryInput = z.infer<typeof updateEnquiryInput>;

export const moveEnquiryInput = z.object({ stageId: z.uuid("Choose a stage") }).strict();
export const assignEnquiryInput = z.object({ ownerId: z.uuid("Choose someone from the list").nullable() }).strict();
export const addNoteInput = z.object({ body: z.string().trim().min(1, "Write the note first").max(5000, "Keep notes under 5,000 characters") }).strict();
export const convertEnquiryInput = z.object({ markWon: z.boolean().default(false) }).strict();

export const ENQUIRY_SOURCES = ["MANUAL", "PUBLIC_FORM"] as const;

export const listEnquiriesQuery = pageQuery.extend({
  stage: z.uuid().optional(),
  owner: z.union([z.uuid(), z.literal("none")]).optional(),
  source: z.enum(ENQUIRY_SOURCES).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListEnquiriesQuery = z.infer<typeof listEnquiriesQuery>;

/** The public form: no owner, no stage, no value; `website` is the honeypot (people leave it empty). */
export const publicEnquiryInput = z
  .object({
    name,
    email: optionalEmail,
    phone: optionalText(30),
    addressLine1: optionalText(120),
    town: optionalText(80),
    postcode,
    description,
    website: z.string().max(500).optional(),
  })
  .superRefine((v, c) => {
    if (!v.email && !v.phone) c.addIssue({ code: "custom", path: ["email"], message: "Give us an email address or a phone number so we can reply" });
  });
export type PublicEnquiryInput = z.infer<typeof publicEnquiryInput>;
export const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/) });

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #1d4ed8");
const stageName = z.string().trim().min(1, "Name the stage").max(40, "Keep stage names under 40 characters");

export const createStageInput = z
  .object({ name: stageName, colour: hexColour.default("#64748b"), isWon: z.boolean().default(false), isLost: z.boolean().default(false) })
  .strict()
  .refine((v) => !(v.isWon && v.isLost), { path: ["isLost"], message: "A stage can be won or lost, not both" });
export type CreateStageInput = z.infer<typeof createStageInput>;

export const updateStageInput = z
  .object({ name: stageName, colour: hexColour, isWon: z.boolean(), isLost: z.boolean() })
  .partial()
  .strict()
  .refine((v) => !(v.isWon && v.isLost), { path: ["isLost"], message: "A stage can be won or lost, not both" });
export type UpdateStageInput = z.infer<typeof updateStageInput>;

export const reorderStagesInput = z.object({ ids: z.array(z.uuid()).min(1).max(50) }).strict();

export const stageOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  colour: z.string(),
  isWon: z.boolean(),
  isLost: z.boolean(),
  enquiryCount: z.number().int(),
});
export type StageView = z.infer<typeof stageOutput>;
export const stageList = z.object({ items: z.array(stageOutput) });

export const enquiryOutput = z.object({
  id: z.uuid(),
  source: z.enum(ENQUIRY_SOURCES),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  addressLine1: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  description: z.string(),
  valuePence: z.number().int().nullable(),
  stage: z.object({ id: z.uuid(), name: z.string(), colour: z.string(), isWon: z.boolean(), isLost: z.boolean() }),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  clientId: z.uuid().nullable(),
  siteId: z.uuid().nullable(),
  convertedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type EnquiryView = z.infer<typeof enquiryOutput>;
export const enquiryList = listResponse(enquiryOutput);

export const noteOutput = z.object({ id: z.uuid(), body: z.string(), authorName: z.string().nullable(), createdAt: z.iso.datetime() });
export type NoteView = z.infer<typeof noteOutput>;

export const timelineEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  kind: z.enum(["created", "updated", "stage_changed", "owner_changed", "note_added", "attachment_added", "converted"]),
  text: z.string(),
  actorName: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const enquiryDetailOutput = enquiryOutput.extend({ notes: z.array(noteOutput), timeline: z.array(timelineEntry) });
export type EnquiryDetailView = z.infer<typeof enquiryDetailOutput>;

/** quoteId: the draft quote made in the same transaction (null when the user can't manage quotes). */
export const convertOutput = z.object({ enquiry: enquiryOutput, clientId: z.uuid(), siteId: z.uuid().nullable(), quoteId: z.uuid().nullable(), quoteNumber: z.string().nullable() });

export const ownerOption = z.object({ id: z.uuid(), name: z.string() });
export type OwnerOption = z.infer<typeof ownerOption>;
