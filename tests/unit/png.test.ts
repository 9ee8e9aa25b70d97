import { describe, expect, it } from "vitest";
import { isValidPng } from "@/server/storage/png.ts";
import { signaturePng } from "../support/png.ts";

describe("isValidPng", () => {
  it("accepts a real PNG and refuses look-alikes", () => {
    const png = signaturePng();
    expect(isValidPng(png)).toBe(true);
    expect(isValidPng(Buffer.concat([png.subarray(0, 8), Buffer.alloc(200, 7)]))).toBe(false);
    const corrupt = Buffer.from(png);
    corrupt[40] = corrupt[40]! ^ 0xff; // breaks a CRC
    expect(isValidPng(corrupt)).toBe(false);
    expect(isValidPng(png.subarray(0, png.length - 12))).toBe(false); // no IEND
    expect(isValidPng(Buffer.concat([png, Buffer.from("trailing")]))).toBe(false);
  });
});
