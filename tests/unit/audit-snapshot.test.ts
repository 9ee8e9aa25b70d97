import { describe, expect, it } from "vitest";
import { auditSnapshot } from "@/server/audit/audit.ts";

describe("auditSnapshot", () => {
  it("redacts secrets at any depth and serialises dates", () => {
    const at = new Date("2026-11-22T09:30:00Z");
    expect(auditSnapshot({ name: "A", passwordHash: "x", nested: { apiKey: "k", tokenHash: "t", ok: 1 }, at })).toEqual({
      name: "A",
      passwordHash: "[redacted]",
      nested: { apiKey: "[redacted]", tokenHash: "[redacted]", ok: 1 },
      at: "2026-11-22T09:30:00.000Z",
    });
    expect(auditSnapshot(undefined)).toBeUndefined();
  });
});
