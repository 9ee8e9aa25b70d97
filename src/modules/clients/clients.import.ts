/**
 * CSV import rules (pure): which header means which field, and what one row becomes. The service
 * adds what needs the database (duplicates against existing clients) and does the writes.
 */
import { z } from "zod";
import { parseCsv } from "./csv.ts";
import {
  IMPORT_FIELDS,
  createClientInput,
  createContactInput,
  createSiteInput,
  type ImportField,
  type ImportRowResult,
} from "./clients.schema.ts";

/** Header spellings people use, matched case-insensitively after dropping spaces, _ and -. */
const ALIASES: Record<ImportField, string[]> = {
  name: ["name", "clientname", "client", "customer", "customername", "fullname", "company", "companyname"],
  kind: ["kind", "type", "clienttype", "customertype"],
  email: ["email", "emailaddress", "clientemail", "e-mail"],
  phone: ["phone", "telephone", "tel", "phonenumber", "mobile", "clientphone"],
  tags: ["tags", "tag", "labels", "categories"],
  siteLabel: ["sitelabel", "site", "sitename", "propertyname"],
  addressLine1: ["addressline1", "address1", "address", "street", "siteaddress", "siteaddressline1"],
  addressLine2: ["addressline2", "address2", "siteaddressline2"],
  town: ["town", "city", "towncity", "sitetown"],
  postcode: ["postcode", "postalcode", "zip", "zipcode", "sitepostcode", "post code"],
  accessNotes: ["accessnotes", "access", "notes", "siteaccessnotes", "accessinstructions"],
  contactName: ["contactname", "contact"],
  contactEmail: ["contactemail", "contactemailaddress"],
  contactPhone: ["contactphone", "contacttelephone", "contactmobile"],
};

const keyOf = (header: string) => header.trim().toLowerCase().replace(/[\s_-]+/g, "");
const LOOKUP = new Map<string, ImportField>(IMPORT_FIELDS.flatMap((f) => ALIASES[f].map((a) => [keyOf(a), f] as const)));

export function fieldForHeader(header: string): ImportField | null {
  return LOOKUP.get(keyOf(header)) ?? null;
}

export type ParsedImport = {
  columns: { header: string; field: ImportField | null }[];
  rows: { row: number; values: Partial<Record<ImportField, string>> }[];
};

/** Header row + data rows; the first column claiming a field wins. */
export function readImport(csv: string): ParsedImport {
  const [header = [], ...data] = parseCsv(csv);
  const seen = new Set<ImportField>();
  const columns = header.map((h) => {
    const field = fieldForHeader(h);
    if (!field || seen.has(field)) return { header: h, field: null };
    seen.add(field);
    return { header: h, field };
  });
  const rows = data
    .map((cells, i) => {
      const values: Partial<Record<ImportField, string>> = {};
      columns.forEach((c, j) => {
        if (c.field && cells[j] !== undefined) values[c.field] = cells[j]!.trim();
      });
      return { row: i + 2, values };
    })
    .filter((r) => Object.values(r.values).some((v) => v !== ""));
  return { columns, rows };
}

function kindOf(raw: string | undefined): string {
  const v = (raw ?? "").trim().toUpperCase();
  if (v === "") return "PERSON";
  if (["ORGANISATION", "ORGANIZATION", "ORG", "COMPANY", "BUSINESS", "COMMERCIAL"].includes(v)) return "ORGANISATION";
  if (["PERSON", "INDIVIDUAL", "DOMESTIC", "HOMEOWNER", "PRIVATE"].includes(v)) return "PERSON";
  return v;
}

function collect(into: Record<string, string>, issues: z.core.$ZodIssue[], rename: Record<string, string> = {}) {
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "row");
    const field = rename[key] ?? key;
    into[field] ??= issue.message;
  }
}

/** Validates one row with the same schemas as the forms. */
export function validateRow(row: number, v: Partial<Record<ImportField, string>>): ImportRowResult {
  const errors: Record<string, string> = {};
  const client = createClientInput.safeParse({
    kind: kindOf(v.kind),
    name: v.name ?? "",
    email: v.email ?? "",
    phone: v.phone ?? "",
    tags: v.tags ?? "",
  });
  if (!client.success) collect(errors, client.error.issues);

  const hasSite = [v.siteLabel, v.addressLine1, v.addressLine2, v.town, v.postcode, v.accessNotes].some((x) => x);
  const site = hasSite
    ? createSiteInput.safeParse({
        label: v.siteLabel ?? "",
        addressLine1: v.addressLine1 ?? "",
        addressLine2: v.addressLine2 ?? "",
        town: v.town ?? "",
        postcode: v.postcode ?? "",
        accessNotes: v.accessNotes ?? "",
      })
    : null;
  if (site && !site.success) collect(errors, site.error.issues, { label: "siteLabel" });

  const hasContact = [v.contactName, v.contactEmail, v.contactPhone].some((x) => x);
  const contact = hasContact ? createContactInput.safeParse({ name: v.contactName ?? "", email: v.contactEmail ?? "", phone: v.contactPhone ?? "" }) : null;
  if (contact && !contact.success) collect(errors, contact.error.issues, { name: "contactName", email: "contactEmail", phone: "contactPhone" });

  if (Object.keys(errors).length > 0 || !client.success) return { row, name: v.name ?? "", ok: false, duplicate: false, errors, client: null };
  return {
    row,
    name: client.data.name,
    ok: true,
    duplicate: false,
    errors: {},
    client: {
      kind: client.data.kind,
      name: client.data.name,
      email: client.data.email ?? null,
      phone: client.data.phone ?? null,
      tags: client.data.tags ?? [],
      site:
        site && site.success
          ? {
              label: site.data.label ?? null,
              addressLine1: site.data.addressLine1,
              addressLine2: site.data.addressLine2 ?? null,
              town: site.data.town,
              postcode: site.data.postcode,
              accessNotes: site.data.accessNotes ?? null,
            }
          : null,
      contact: contact && contact.success ? { name: contact.data.name, email: contact.data.email ?? null, phone: contact.data.phone ?? null } : null,
    },
  };
}

/** Marks rows whose email is already a client (or appears earlier in the same file) as duplicates. */
export function markDuplicates(rows: ImportRowResult[], existingEmails: ReadonlySet<string>): ImportRowResult[] {
  const inFile = new Set<string>();
  return rows.map((r) => {
    const email = r.client?.email;
    if (!r.ok || !email) return r;
    if (existingEmails.has(email)) return { ...r, ok: false, duplicate: true, errors: { email: "A client with this email already exists" }, client: r.client };
    if (inFile.has(email)) return { ...r, ok: false, duplicate: true, errors: { email: "This email appears on an earlier row" }, client: r.client };
    inFile.add(email);
    return r;
  });
}
