import { describe, expect, it } from "vitest";
import { csvCell, csvResponse, neutraliseFormula, toCsv } from "@/server/csv/csv.ts";

describe("CSV export", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", "'\rCR"],
    ["=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"],
  ])("neutralises a formula-looking cell %j", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it("leaves ordinary text alone", () => {
    expect(neutraliseFormula("Smith & Sons")).toBe("Smith & Sons");
    expect(neutraliseFormula("a=b")).toBe("a=b");
    expect(neutraliseFormula("")).toBe("");
  });

  it("quotes cells with commas, quotes and line breaks after neutralising", () => {
    expect(csvCell('Say "hi", then')).toBe('"Say ""hi"", then"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    expect(csvCell("\rCR")).toBe(`"'\rCR"`);
  });

  it("keeps numbers as numbers, negative ones included, and blanks for empty values", () => {
    expect(csvCell(-1250)).toBe("-1250");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(new Date("2026-11-22T10:00:00Z"))).toBe("2026-11-22T10:00:00.000Z");
  });

  it("builds a document with CRLF line ends and a neutralised header", () => {
    expect(toCsv(["Client", "=Total"], [["=evil()", 100], ["Plain", -5]])).toBe("Client,'=Total\r\n'=evil(),100\r\nPlain,-5\r\n");
  });

  it("answers a download with a BOM, a safe file name and text/csv", async () => {
    const res = csvResponse("aging 2026/11.csv", "a,b\r\n");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="aging_2026_11.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
