import { describe, expect, it } from "vitest";
import { createEnquiryInput, createStageInput, poundsToPence, publicEnquiryInput } from "@/modules/enquiries/enquiries.schema.ts";
import { enquirySearchText } from "@/modules/enquiries/search-text.ts";

describe("estimated value in pounds → pence", () => {
  it.each([
    ["1250", 125000],
    ["1,250.5", 125050],
    ["£1,250.50", 125050],
    [" 0.07 ", 7],
    [99.99, 9999],
    ["1000000", 100000000],
    ["", null],
  ])("%s → %s", (input, pence) => {
    expect(poundsToPence.parse(input)).toBe(pence);
  });

  it.each(["12.345", "-5", "ten", "1e5", "12345678"])("refuses %s", (input) => {
    expect(poundsToPence.safeParse(input).success).toBe(false);
  });
});

describe("enquiry inputs", () => {
  it("normalises email and postcode, and turns empty strings into nulls", () => {
    const v = createEnquiryInput.parse({ name: " Jo ", description: "x", email: "Jo@Example.TEST", postcode: "ls1   4ab", phone: "", ownerId: "" });
    expect(v).toMatchObject({ name: "Jo", email: "jo@example.test", postcode: "LS1 4AB", phone: null, ownerId: null });
  });

  it("the public form needs an email or a phone number", () => {
    const r = publicEnquiryInput.safeParse({ name: "Jo", description: "x", email: "", phone: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["email"]);
    expect(publicEnquiryInput.safeParse({ name: "Jo", description: "x", phone: "07700 900000" }).success).toBe(true);
  });

  it("a stage is won or lost, not both", () => {
    expect(createStageInput.safeParse({ name: "Odd", isWon: true, isLost: true }).success).toBe(false);
    expect(createStageInput.parse({ name: "Fine" })).toEqual({ name: "Fine", colour: "#64748b", isWon: false, isLost: false });
  });

  it("search text holds name, email, phone and postcode, with and without spaces", () => {
    expect(enquirySearchText({ name: "Jo Bloggs", email: "jo@x.test", phone: "07700 900000", town: "Leeds", postcode: "LS1 4AB" })).toBe("jo bloggs jo@x.test 07700 900000 07700900000 leeds ls1 4ab ls14ab");
  });
});
