import { describe, expect, it } from "vitest";
import { effectiveCapabilities, ROLE_CAPABILITIES } from "@/modules/identity/permissions.ts";

describe("capability map", () => {
  it("gives each role its set; office lacks admin-only powers", () => {
    expect(ROLE_CAPABILITIES.ADMIN.has("users.manage")).toBe(true);
    expect(ROLE_CAPABILITIES.OFFICE.has("users.manage")).toBe(false);
    expect(ROLE_CAPABILITIES.OFFICE.has("invoices.manage")).toBe(true);
    expect(ROLE_CAPABILITIES.ENGINEER.has("invoices.view")).toBe(false);
    expect([...ROLE_CAPABILITIES.CLIENT]).toEqual(["client.portal"]);
  });
  it("applies grants and revocations, ignoring unknown and never-grantable ones", () => {
    const office = effectiveCapabilities("OFFICE", ["billing.view", "made.up"], ["invoices.manage"]);
    expect(office.has("billing.view")).toBe(true);
    expect(office.has("invoices.manage")).toBe(false);
    expect(office.has("made.up" as never)).toBe(false);
    expect(effectiveCapabilities("ENGINEER", ["users.impersonate"]).has("users.impersonate")).toBe(false);
    expect(effectiveCapabilities("CLIENT", ["invoices.manage"]).has("invoices.manage")).toBe(false);
  });
});
