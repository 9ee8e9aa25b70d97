import { describe, expect, it } from "vitest";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { seed } from "../../prisma/seed.ts";

describe("jobs demo data", () => {
  it("has jobs in every status, checklists, assignments, time and timesheets for both companies, once", async () => {
    await seed();
    const db = unsafeUnscopedDb();
    const jobCounts: number[] = [];
    for (const slug of ["sparkright", "northgate"]) {
      const company = await db.company.findUniqueOrThrow({ where: { slug } });
      const jobs = await db.job.findMany({ where: { companyId: company.id }, include: { checklists: { include: { items: true } }, assignments: true, budgetLines: true } });
      jobCounts.push(jobs.length);
      expect(new Set(jobs.map((j) => j.status))).toEqual(new Set(["SCHEDULED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "INVOICED", "CANCELLED"]));
      const fromQuote = jobs.find((j) => j.quoteId);
      expect(fromQuote?.budgetLines.length).toBeGreaterThan(0);
      expect(fromQuote?.budgetNetPence).toBeGreaterThan(0);
      const templates = await db.checklistTemplate.findMany({ where: { companyId: company.id }, include: { items: true } });
      expect(templates).toHaveLength(2);
      expect(templates.every((t) => t.items.some((i) => i.required))).toBe(true);
      for (const j of jobs.filter((j) => j.status === "COMPLETED" || j.status === "INVOICED")) {
        expect(j.completionSignatureFileId).not.toBeNull();
        expect(j.checklists.flatMap((c) => c.items).filter((i) => i.required && !i.completedAt)).toEqual([]);
      }
      expect(jobs.filter((j) => j.checklists.length > 0).length).toBeGreaterThanOrEqual(6);
      expect(jobs.filter((j) => j.assignments.length > 0).length).toBeGreaterThanOrEqual(6);
      const sheets = await db.timesheet.findMany({ where: { companyId: company.id } });
      expect(sheets.filter((s) => s.status === "SUBMITTED")).toHaveLength(1);
      expect(sheets.filter((s) => s.status === "APPROVED")).toHaveLength(2);
      expect(await db.timeEntry.count({ where: { companyId: company.id, source: "CLOCK" } })).toBeGreaterThan(0);
      expect(await db.timeEntry.count({ where: { companyId: company.id, source: "MANUAL" } })).toBeGreaterThan(0);
    }
    await seed();
    const again = [];
    for (const slug of ["sparkright", "northgate"]) {
      const company = await db.company.findUniqueOrThrow({ where: { slug } });
      again.push(await db.job.count({ where: { companyId: company.id } }));
    }
    expect(again).toEqual(jobCounts);
  }, 240_000);
});
