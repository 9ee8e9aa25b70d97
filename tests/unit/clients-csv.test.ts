import { describe, expect, it } from "vitest";
import { CsvError, parseCsv } from "@/modules/clients/csv.ts";
import { fieldForHeader, markDuplicates, readImport, validateRow } from "@/modules/clients/clients.import.ts";
import { buildSearchText } from "@/modules/clients/clients.search.ts";
import { isUkPostcode, normalisePostcode } from "@/modules/clients/postcode.ts";

describe("parseCsv (RFC 4180)", () => {
  it("splits plain rows and drops blank lines and the trailing line break", () => {
    expect(parseCsv("a,b,c\n1,2,3\n\n4,5,6\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
      ["4", "5", "6"],
    ]);
  });
  it("handles quoted fields with commas, escaped quotes and line breaks", () => {
    expect(parseCsv('name,notes\r\n"Smith, Jane","Say ""hi"" at the\r\nback door"\r\n')).toEqual([
      ["name", "notes"],
      ["Smith, Jane", 'Say "hi" at the\r\nback door'],
    ]);
  });
  it("strips a UTF-8 BOM and accepts CR-only line ends", () => {
    expect(parseCsv("\uFEFFname\rA\rB")).toEqual([["name"], ["A"], ["B"]]);
  });
  it("keeps empty fields, including a trailing one and an empty quoted one", () => {
    expect(parseCsv('a,,""\n,x,')).toEqual([
      ["a", "", ""],
      ["", "x", ""],
    ]);
  });
  it("refuses an unterminated quote and says on which line it started", () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(CsvError);
    try {
      parseCsv('a\nb\n"open');
    } catch (e) {
      expect((e as CsvError).line).toBe(3);
    }
  });
});

describe("UK postcodes", () => {
  it.each([
    ["m46bf", "M4 6BF"],
    [" M4  6bf ", "M4 6BF"],
    ["SW1A1AA", "SW1A 1AA"],
    ["ls2 7dj", "LS2 7DJ"],
    ["EC1A 1BB", "EC1A 1BB"],
    ["B33 8TH", "B33 8TH"],
    ["gir0aa", "GIR 0AA"],
  ])("%s → %s", (raw, want) => expect(normalisePostcode(raw)).toBe(want));
  it.each(["", "12345", "M4", "MM4 6B", "Q1 1AA1", "not a postcode"])("refuses %j", (raw) => expect(isUkPostcode(raw)).toBe(false));
});

describe("searchText", () => {
  it("holds name, email, phone (also digits only), contact emails and postcodes with and without the space, lower case", () => {
    const t = buildSearchText({ name: "Acme Lettings", email: "Office@Acme.test", phone: "0161 496 0000", contactEmails: ["Jo@acme.test", null], postcodes: ["M4 6BF"] });
    expect(t).toBe("acme lettings office@acme.test 0161 496 0000 01614960000 jo@acme.test m4 6bf m46bf");
  });
});

describe("CSV import rows", () => {
  it("matches headers case-insensitively with common aliases", () => {
    expect(fieldForHeader("Client Name")).toBe("name");
    expect(fieldForHeader("E-mail")).toBe("email");
    expect(fieldForHeader("POST CODE")).toBe("postcode");
    expect(fieldForHeader("Address line 1")).toBe("addressLine1");
    expect(fieldForHeader("contact_email")).toBe("contactEmail");
    expect(fieldForHeader("favourite colour")).toBeNull();
  });
  it("validates a row with the form schemas and reports errors by field", () => {
    const { rows } = readImport("Name,Type,Email,Tags,Address line 1,Town,Postcode\nJane,person,JANE@x.test,Landlord; repeat,1 High St,Leeds,ls27dj\n,company,nope,,2 Low St,,ZZZ\n");
    const ok = validateRow(rows[0]!.row, rows[0]!.values);
    expect(ok.ok).toBe(true);
    expect(ok.client).toMatchObject({ kind: "PERSON", email: "jane@x.test", tags: ["landlord", "repeat"], site: { postcode: "LS2 7DJ" } });
    const bad = validateRow(rows[1]!.row, rows[1]!.values);
    expect(bad).toMatchObject({ row: 3, ok: false });
    expect(Object.keys(bad.errors).sort()).toEqual(["email", "name", "postcode", "town"]);
  });
  it("marks emails already in the company or earlier in the file as duplicates", () => {
    const a = validateRow(2, { name: "A", email: "a@x.test" });
    const b = validateRow(3, { name: "B", email: "b@x.test" });
    const b2 = validateRow(4, { name: "B again", email: "b@x.test" });
    const out = markDuplicates([a, b, b2], new Set(["a@x.test"]));
    expect(out.map((r) => [r.ok, r.duplicate])).toEqual([
      [false, true],
      [true, false],
      [false, true],
    ]);
  });
});
