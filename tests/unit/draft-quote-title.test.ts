import { describe, expect, it } from "vitest";
import { draftQuoteTitle } from "@/modules/enquiries/draft-quote-title.ts";

describe("draft quote title from an enquiry", () => {
  it("uses the first non-empty line, whitespace tidied", () => {
    expect(draftQuoteTitle("\n  Radiator in the   hall stays cold.\nAlso the boiler clicks.", "Ann")).toBe("Radiator in the hall stays cold.");
  });

  it("cuts a long line at a word boundary, within 160 characters, marked with an ellipsis", () => {
    const long = `Full rewire of a three-bedroom semi ${"including new consumer unit and sockets ".repeat(6)}`;
    const t = draftQuoteTitle(long, "Ann");
    expect(t.length).toBeLessThanOrEqual(160);
    expect(t.endsWith("…")).toBe(true);
    expect(long.startsWith(t.slice(0, -1))).toBe(true);
    expect(t.slice(0, -1).endsWith(" ")).toBe(false);
  });

  it("falls back to the enquirer's name when the description is blank", () => {
    expect(draftQuoteTitle(" \n \t", " Vera Visit ")).toBe("Quote for Vera Visit");
  });
});
