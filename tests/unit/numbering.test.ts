import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors/errors.ts";
import { formatDocumentNumber, NumberingError, parseDocumentNumber } from "@/modules/numbering/numbering.ts";

describe("formatDocumentNumber", () => {
  it("pads to five digits by default", () => {
    expect(formatDocumentNumber("Q", 42)).toBe("Q-00042");
    expect(formatDocumentNumber("Q", 1)).toBe("Q-00001");
    expect(formatDocumentNumber("INV", 99_999)).toBe("INV-99999");
  });

  it("grows past the width instead of truncating", () => {
    expect(formatDocumentNumber("Q", 100_000)).toBe("Q-100000");
    expect(formatDocumentNumber("Q", 1_234_567)).toBe("Q-1234567");
    expect(formatDocumentNumber("INV", 12_345, 3)).toBe("INV-12345");
  });

  it("takes a width", () => {
    expect(formatDocumentNumber("INV", 7, 3)).toBe("INV-007");
    expect(formatDocumentNumber("Q", 7, 1)).toBe("Q-7");
    expect(formatDocumentNumber("ACME-Q", 42, 6)).toBe("ACME-Q-000042");
  });

  it("refuses bad values, widths and prefixes", () => {
    for (const v of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => formatDocumentNumber("Q", v), String(v)).toThrow(NumberingError);
    }
    for (const w of [0, 13, 2.5]) expect(() => formatDocumentNumber("Q", 1, w), String(w)).toThrow(NumberingError);
    for (const p of ["", "-Q", "Q 1", "Q--1", "Q--", "Ä", "X".repeat(21)]) {
      expect(() => formatDocumentNumber(p, 1), p).toThrow(NumberingError);
    }
    expect(() => formatDocumentNumber("Q", 0)).toThrow(AppError);
  });
});

describe("parseDocumentNumber", () => {
  it("parses what formatDocumentNumber writes", () => {
    expect(parseDocumentNumber("Q-00042")).toEqual({ prefix: "Q", value: 42 });
    expect(parseDocumentNumber("Q-100000")).toEqual({ prefix: "Q", value: 100_000 });
    expect(parseDocumentNumber("ACME-Q-00042")).toEqual({ prefix: "ACME-Q", value: 42 });
    for (const [p, v, w] of [["Q", 1, 5], ["INV", 99_999, 5], ["INV/2026", 123_456, 3], ["Q", 7, 1]] as const) {
      expect(parseDocumentNumber(formatDocumentNumber(p, v, w))).toEqual({ prefix: p, value: v });
    }
  });

  it("is lenient about spaces and padding, and checks an expected prefix ignoring case", () => {
    expect(parseDocumentNumber("  Q-42 ")).toEqual({ prefix: "Q", value: 42 });
    expect(parseDocumentNumber("q-00042", "Q")).toEqual({ prefix: "Q", value: 42 });
    expect(parseDocumentNumber("Q-00042", "INV")).toBeNull();
  });

  it("returns null for anything else", () => {
    for (const s of ["", "Q00042", "Q-", "-42", "Q-0", "Q-00000", "Q-4a", "Q-4.2", "Q - 42", "Q-99999999999999999"]) {
      expect(parseDocumentNumber(s), s).toBeNull();
    }
  });
});

describe("prefixes as company settings store them", () => {
  it("uses a prefix that ends with its separator as-is", () => {
    expect(formatDocumentNumber("Q-", 42)).toBe("Q-00042");
    expect(formatDocumentNumber("NPH-Q-", 7)).toBe("NPH-Q-00007");
    expect(formatDocumentNumber("INV/", 108)).toBe("INV/00108");
    expect(parseDocumentNumber("Q-00042", "Q-")).toEqual({ prefix: "Q-", value: 42 });
  });
});
