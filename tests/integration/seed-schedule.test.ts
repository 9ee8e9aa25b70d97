import { describe, expect, it } from "vitest";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { detectConflicts } from "@/modules/schedule/schedule-conflicts.ts";
import { seed } from "../../prisma/seed.ts";

describe("demo schedule seed", () => {
  it("books a working week of visits for both companies without conflicts, leaves jobs in the tray, and a second run adds nothing", async () => {
    await seed();
    const db = unsafeUnscopedDb();
    const countsBefore: Record<string, number> = {};
    for (const slug of ["sparkright", "northgate"]) {
      const company = await db.company.findUniqueOrThrow({ where: { slug } });
      const visits = await db.scheduleEntry.findMany({ where: { companyId: company.id }, include: { job: true, engineer: { include: { user: true } } }, orderBy: { startsAt: "asc" } });
      expect(visits.length).toBeGreaterThanOrEqual(16);
      expect(new Set(visits.map((v) => v.engineerId)).size).toBe(2);
      expect(visits.every((v) => v.engineer.role === "ENGINEER" && v.overrideReason === null)).toBe(true);
      // Every visit passes the planner's own conflict check against the rest.
      const away = await db.engineerUnavailability.findMany({ where: { companyId: company.id } });
      expect(away.map((u) => u.kind).sort()).toEqual(["LEAVE", "TRAINING"]);
      for (const v of visits) {
        const r = detectConflicts({
          visit: v,
          company,
          engineer: { name: v.engineer.user.name, role: v.engineer.role, status: v.engineer.status },
          job: { status: v.job.status },
          otherVisits: visits.filter((o) => o.engineerId === v.engineerId).map((o) => ({ ...o, jobNumber: o.job.number })),
          unavailability: away.filter((u) => u.engineerId === v.engineerId),
        });
        expect(r, `${v.job.number} ${v.startsAt.toISOString()}`).toEqual({ errors: [], warnings: [] });
      }
      // Each booked engineer is assigned to the jobs they visit and was emailed.
      const assignments = await db.jobAssignment.count({ where: { companyId: company.id } });
      expect(assignments).toBeGreaterThanOrEqual(new Set(visits.map((v) => `${v.jobId}:${v.engineerId}`)).size);
      expect(await db.outboxMessage.count({ where: { companyId: company.id, jobName: "email.send", idempotencyKey: { startsWith: "email:visit-assigned:" } } })).toBe(visits.length);
      // Some jobs wait in the planner's tray.
      expect(await db.job.count({ where: { companyId: company.id, status: "SCHEDULED", visits: { none: {} } } })).toBeGreaterThanOrEqual(3);
      countsBefore[slug] = visits.length;
    }
    await seed();
    for (const slug of ["sparkright", "northgate"]) {
      const company = await db.company.findUniqueOrThrow({ where: { slug } });
      expect(await db.scheduleEntry.count({ where: { companyId: company.id } })).toBe(countsBefore[slug]);
    }
  }, 300_000);
});
