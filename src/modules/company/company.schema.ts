import { z } from "zod";

const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone").concat("UTC"));
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #1d4ed8");
const prefix = z
  .string()
  .trim()
  .min(1, "Enter a prefix")
  .max(10, "Keep prefixes to 10 characters")
  .regex(/^[A-Z0-9][A-Z0-9/-]*$/, "Use capital letters, digits, - or /");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const VAT_RATES_BPS = [2000, 500, 0] as const;

export const companySettingsInput = z
  .object({
    name: z.string().trim().min(2, "Enter the company name").max(120),
    legalName: optionalText(160),
    companyNumber: optionalText(20),
    vatNumber: z
      .string()
      .trim()
      .toUpperCase()
      .transform((v) => v.replace(/\s+/g, ""))
      .refine((v) => v === "" || /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/.test(v), "Enter a UK VAT number like GB123456789")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    email: z
      .union([z.literal(""), z.email("Enter a valid email address")])
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    phone: optionalText(30),
    addressLine1: optionalText(120),
    addressLine2: optionalText(120),
    town: optionalText(80),
    postcode: optionalText(10),
    /** Bank details printed on invoices for transfers (all three, or none). */
    bankAccountName: optionalText(70),
    bankSortCode: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s-]/g, ""))
      .refine((v) => v === "" || /^\d{6}$/.test(v), "Enter a 6-digit sort code like 12-34-56")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    bankAccountNumber: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s/g, ""))
      .refine((v) => v === "" || /^\d{8}$/.test(v), "Enter an 8-digit account number")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    timeZone: z.string().refine((tz) => TIME_ZONES.has(tz), "Choose a time zone from the list"),
    defaultVatRateBps: z.coerce.number().int().refine((v) => (VAT_RATES_BPS as readonly number[]).includes(v), "Choose 20%, 5% or 0%"),
    paymentTermsDays: z.coerce.number().int().min(0, "Can't be negative").max(120, "At most 120 days"),
    quotePrefix: prefix,
    jobPrefix: prefix,
    invoicePrefix: prefix,
    creditNotePrefix: prefix,
    certificatePrefix: prefix,
    brandPrimaryColor: hexColour,
    brandAccentColor: hexColour,
    /** "Require MFA for admins and office staff"; a form sends "true"/"false" (or a checkbox's "on"). */
    mfaRequiredForStaff: z.union([z.boolean(), z.enum(["true", "false", "on"])]).transform((v) => v === true || v === "true" || v === "on"),
  })
  .partial()
  .strict();
export type CompanySettingsInput = z.infer<typeof companySettingsInput>;

export const companyOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  status: z.enum(["TRIAL", "ACTIVE", "SUSPENDED"]),
  trialEndsAt: z.iso.datetime().nullable(),
  legalName: z.string().nullable(),
  companyNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  bankAccountName: z.string().nullable(),
  bankSortCode: z.string().nullable(),
  bankAccountNumber: z.string().nullable(),
  timeZone: z.string(),
  currency: z.string(),
  defaultVatRateBps: z.number().int(),
  paymentTermsDays: z.number().int(),
  quotePrefix: z.string(),
  jobPrefix: z.string(),
  invoicePrefix: z.string(),
  creditNotePrefix: z.string(),
  certificatePrefix: z.string(),
  brandPrimaryColor: z.string(),
  brandAccentColor: z.string(),
  mfaRequiredForStaff: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type CompanyView = z.infer<typeof companyOutput>;
