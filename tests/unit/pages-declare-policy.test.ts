/**
 * Every page checks access itself (layouts don't re-run on client navigation): each page.tsx
 * calls requirePage / requireTenantPage, or says publicPage() on purpose.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return pages(p);
    return name === "page.tsx" ? [p] : [];
  });
}

describe("pages", () => {
  const files = pages("app");
  it("exist", () => expect(files.length).toBeGreaterThan(3));
  it.each(files)("%s declares its access policy", (file) => {
    const src = readFileSync(file, "utf8");
    expect(src).toMatch(/\b(requirePage|requireTenantPage|publicPage)\(/);
  });
});
