/** One zod schema per input, shared by the forms and the route handlers. */
import { z } from "zod";
import { idParams, listResponse, pageQuery } from "@/server/http/pagination.ts";
import { normalisePostcode } from "./postcode.ts";

export const CLIENT_KINDS = ["PERSON", "ORGANISATION"] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];
export const CLIENT_KIND_LABELS: Record<ClientKind, string> = { PERSON: "Person", ORGANISATION: "Organisation" };

/** Optional text: "" and whitespace become null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

const requiredText = (max: number, message: string) => z.string({ message }).trim().min(1, message).max(max, `Keep this under ${max} characters`);

export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Keep this under 254 characters")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address, like name@example.com")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const optionalPhone = z
  .string()
  .trim()
  .max(30, "Keep this under 30 characters")
  .refine((v) => v === "" || /^\+?[0-9 ()-]{6,}$/.test(v), "Enter a phone number using digits, spaces and +")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

/** "Landlord, repeat" or ["landlord", "repeat"] → ["landlord", "repeat"] (lower case, unique). */
export const tagList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,;]/)))
  .transform((list) => [...new Set(list.map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .refine((list) => list.length <= 20, "Use at most 20 tags")
  .refine((list) => list.every((t) => t.length <= 40 && /^[a-z0-9][a-z0-9 &/_-]*$/.test(t)), "Tags use letters, digits, spaces and - (up to 40 characters each)");

export const postcode = z
  .string({ message: "Enter the postcode" })
  .trim()
  .min(1, "Enter the postcode")
  .transform((v, ctx) => {
    const n = normalisePostcode(v);
    if (!n) {
      ctx.addIssue({ code: "custom", message: "Enter a UK postcode, like M4 6BF" });
      return z.NEVER;
    }
    return n;
  });

/** A form checkbox ("on"/"true"/"false") or a JSON boolean. */
const flag = z.union([z.boolean(), z.enum(["true", "false", "on"])]).transform((v) => v === true || v === "true" || v === "on");

const paymentTerms = z
  .union([z.number(), z.string().trim()])
  .transform((v, ctx) => {
    if (v === "") return null;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 120) {
      ctx.addIssue({ code: "custom", message: "Enter whole days from 0 to 120, or leave blank for the company's terms" });
      return z.NEVER;
    }
    return n;
  })
  .nullable()
  .optional();

/** A UK VAT number, spaces removed and upper-cased; "" clears it. */
const optionalVatNumber = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/\s+/g, ""))
  .refine((v) => v === "" || /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/.test(v), "Enter a UK VAT number like GB123456789")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

/** CIS deduction rate: 0 (gross payment status), 2000 (registered) or 3000 (unregistered); "" = none. */
const cisRate = z
  .union([z.number(), z.string().trim()])
  .transform((v, ctx) => {
    if (v === "") return null;
    const n = Number(v);
    if (n !== 0 && n !== 2000 && n !== 3000) {
      ctx.addIssue({ code: "custom", message: "Choose 0%, 20% or 30%" });
      return z.NEVER;
    }
    return n;
  })
  .nullable()
  .optional();

const clientFields = {
  kind: z.enum(CLIENT_KINDS, { message: "Choose person or organisation" }),
  name: requiredText(160, "Enter the client's name"),
  email: optionalEmail,
  phone: optionalPhone,
  tags: tagList.optional(),
  paymentTermsDays: paymentTerms,
  /** VAT and CIS status: drive the domestic reverse charge and CIS deductions on invoices. */
  vatRegistered: flag.optional(),
  vatNumber: optionalVatNumber,
  cisContractor: flag.optional(),
  cisRateBps: cisRate,
  reverseChargeEndUser: flag.optional(),
};

export const createClientInput = z.object({ ...clientFields, kind: clientFields.kind.default("PERSON") }).strict();
export type CreateClientInput = z.infer<typeof createClientInput>;

export const updateClientInput = z
  .object(clientFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");
export type UpdateClientInput = z.infer<typeof updateClientInput>;

const contactFields = {
  name: requiredText(120, "Enter the contact's name"),
  email: optionalEmail,
  phone: optionalPhone,
  role: optionalText(80),
  receivesQuotes: flag,
  receivesInvoices: flag,
};
export const createContactInput = z
  .object({ ...contactFields, receivesQuotes: flag.default(true), receivesInvoices: flag.default(true) })
  .strict();
export type CreateContactInput = z.infer<typeof createContactInput>;
export const updateContactInput = z
  .object(contactFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");
export type UpdateContactInput = z.infer<typeof updateContactInput>;

const siteFields = {
  label: optionalText(80),
  addressLine1: requiredText(120, "Enter the first line of the address"),
  addressLine2: optionalText(120),
  town: requiredText(80, "Enter the town or city"),
  postcode,
  accessNotes: optionalText(1000),
};
export const createSiteInput = z.object(siteFields).strict();
export type CreateSiteInput = z.infer<typeof createSiteInput>;
export const updateSiteInput = z
  .object(siteFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");
export type UpdateSiteInput = z.infer<typeof updateSiteInput>;

export const createNoteInput = z.object({ body: requiredText(5000, "Write the note first") }).strict();
export type CreateNoteInput = z.infer<typeof createNoteInput>;

export const ARCHIVED_FILTERS = ["exclude", "include", "only"] as const;
/** Filters live in the URL on the clients page and in the query of GET /api/admin/clients. */
export const listClientsQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  archived: z.enum(ARCHIVED_FILTERS).default("exclude"),
});
export type ListClientsQuery = z.infer<typeof listClientsQuery>;

export const clientParams = idParams;
export const contactParams = z.object({ id: z.uuid(), contactId: z.uuid() });
export const siteParams = z.object({ id: z.uuid(), siteId: z.uuid() });

export const CSV_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_MAX_ROWS = 5000;
export const importCsvInput = z
  .object({
    csv: z
      .string({ message: "Paste the CSV or choose a .csv file" })
      .min(1, "Paste the CSV or choose a .csv file")
      .max(CSV_MAX_BYTES, "The file is larger than 2 MB: split it into smaller files"),
  })
  .strict();
export type ImportCsvInput = z.infer<typeof importCsvInput>;

// ---- outputs ----

export const contactOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.string().nullable(),
  receivesQuotes: z.boolean(),
  receivesInvoices: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type ContactView = z.infer<typeof contactOutput>;

export const siteOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  label: z.string().nullable(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  town: z.string(),
  postcode: z.string(),
  accessNotes: z.string().nullable(),
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type SiteView = z.infer<typeof siteOutput>;

const clientBase = z.object({
  id: z.uuid(),
  kind: z.enum(CLIENT_KINDS),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  tags: z.array(z.string()),
  paymentTermsDays: z.number().int().nullable(),
  vatRegistered: z.boolean(),
  vatNumber: z.string().nullable(),
  cisContractor: z.boolean(),
  cisRateBps: z.number().int().nullable(),
  reverseChargeEndUser: z.boolean(),
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const clientListItem = clientBase.extend({
  siteCount: z.number().int(),
  postcodes: z.array(z.string()),
  primaryContact: z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
});
export type ClientListItem = z.infer<typeof clientListItem>;
export const clientList = listResponse(clientListItem);

export const clientOutput = clientBase.extend({ contacts: z.array(contactOutput), sites: z.array(siteOutput) });
export type ClientView = z.infer<typeof clientOutput>;

export const noteOutput = z.object({
  id: z.uuid(),
  body: z.string(),
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
});
export type NoteView = z.infer<typeof noteOutput>;
export const noteList = listResponse(noteOutput);

export const IMPORT_FIELDS = [
  "name",
  "kind",
  "email",
  "phone",
  "tags",
  "siteLabel",
  "addressLine1",
  "addressLine2",
  "town",
  "postcode",
  "accessNotes",
  "contactName",
  "contactEmail",
  "contactPhone",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importPreviewClient = z.object({
  kind: z.enum(CLIENT_KINDS),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  tags: z.array(z.string()),
  site: z.object({ label: z.string().nullable(), addressLine1: z.string(), addressLine2: z.string().nullable(), town: z.string(), postcode: z.string(), accessNotes: z.string().nullable() }).nullable(),
  contact: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
});
export type ImportPreviewClient = z.infer<typeof importPreviewClient>;

export const importRowResult = z.object({
  /** Line in the file (the header is line 1). */
  row: z.number().int(),
  /** The name as written in the file (also for rows with errors). */
  name: z.string(),
  ok: z.boolean(),
  duplicate: z.boolean(),
  errors: z.record(z.string(), z.string()),
  client: importPreviewClient.nullable(),
});
export type ImportRowResult = z.infer<typeof importRowResult>;

export const importPreviewOutput = z.object({
  columns: z.array(z.object({ header: z.string(), field: z.enum(IMPORT_FIELDS).nullable() })),
  rows: z.array(importRowResult),
  counts: z.object({ total: z.number().int(), valid: z.number().int(), invalid: z.number().int(), duplicates: z.number().int() }),
});
export type ImportPreview = z.infer<typeof importPreviewOutput>;

export const importResultOutput = z.object({
  imported: z.number().int(),
  invalid: z.number().int(),
  duplicates: z.number().int(),
  rows: z.array(importRowResult),
});
export type ImportResult = z.infer<typeof importResultOutput>;

export const emailHistoryItem = z.object({
  id: z.uuid(),
  subject: z.string(),
  to: z.array(z.string()),
  status: z.enum(["QUEUED", "SENT", "SKIPPED", "FAILED"]),
  createdAt: z.iso.datetime(),
  /** When the provider accepted it (null while queued, skipped or failed). */
  sentAt: z.iso.datetime().nullable(),
});
export type EmailHistoryItem = z.infer<typeof emailHistoryItem>;
