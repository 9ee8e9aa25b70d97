import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "@/modules/identity/password.ts";

describe("password hashing", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("correct horse battery staple", a)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", a)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
    expect(await verifyPassword("anything", "garbage")).toBe(false);
  });
  it("flags hashes made with older parameters for rehash", async () => {
    const old = await hashPassword("correct horse battery staple", { N: 2 ** 14, r: 8, p: 1 });
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword("correct horse battery staple", old)).toBe(true);
    expect(needsRehash(await hashPassword("x"))).toBe(false);
  });
});
