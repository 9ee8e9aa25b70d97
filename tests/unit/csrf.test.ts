import { describe, expect, it } from "vitest";
import { isCrossSiteMutation } from "@/server/http/csrf.ts";

const allowed = ["http://localhost:3000"];
const h = (init: Record<string, string>) => new Headers(init);

describe("CSRF check", () => {
  it("refuses browser mutations from other sites", () => {
    expect(isCrossSiteMutation("POST", h({ origin: "https://evil.example" }), allowed)).toBe(true);
    expect(isCrossSiteMutation("PATCH", h({ "sec-fetch-site": "cross-site" }), allowed)).toBe(true);
    expect(isCrossSiteMutation("DELETE", h({ "sec-fetch-site": "same-site" }), allowed)).toBe(true);
    expect(isCrossSiteMutation("POST", h({ origin: "null" }), allowed)).toBe(true);
  });
  it("allows same-origin mutations, reads, and non-browser clients", () => {
    expect(isCrossSiteMutation("POST", h({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }), allowed)).toBe(false);
    expect(isCrossSiteMutation("GET", h({ origin: "https://evil.example" }), allowed)).toBe(false);
    expect(isCrossSiteMutation("POST", h({}), allowed)).toBe(false);
    expect(isCrossSiteMutation("POST", h({ "sec-fetch-site": "none" }), allowed)).toBe(false);
  });
});
