import { describe, expect, it } from "vitest";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { verifyPassword } from "@/modules/identity/password.ts";
import { DEMO_PASSWORD, seed } from "../../prisma/seed.ts";
import { normalisePostcode } from "@/modules/clients/postcode.ts";

async function counts() {
  const db = unsafeUnscopedDb();
  return { companies: await db.company.count(), users: await db.user.count(), memberships: await db.companyMembership.count() };
}

describe("demo seed", () => {
  it("creates both companies with every role and an operator, and a second run changes nothing", async () => {
    await seed();
    const first = await counts();
    expect(first).toEqual({ companies: 2, users: 12, memberships: 12 });
    const db = unsafeUnscopedDb();
    for (const slug of ["sparkright", "northgate"]) {
      const company = await db.company.findUniqueOrThrow({ where: { slug }, include: { memberships: { include: { user: true } } } });
      const byRole = company.memberships.map((m) => `${m.role}:${m.user.email}`).sort();
      const extra = slug === "sparkright" ? ["OFFICE:mfa@sparkright.test"] : ["OFFICE:office@sparkright.test"];
      expect(byRole).toEqual(
        [`ADMIN:admin@${slug}.test`, `CLIENT:client@${slug}.test`, `ENGINEER:engineer2@${slug}.test`, `ENGINEER:engineer@${slug}.test`, `OFFICE:office@${slug}.test`, ...extra].sort(),
      );
    }
    const operator = await db.user.findUniqueOrThrow({ where: { email: "operator@quantract.test" } });
    expect(operator.isPlatformOperator).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, operator.passwordHash)).toBe(true);
    const before = await db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, passwordHash: true, updatedAt: true } });
    // Pipeline stages and ~10 enquiries per company, spread over the stages, with owners and notes.
    for (const slug of ["sparkright", "northgate"]) {
      const company = await db.company.findUniqueOrThrow({ where: { slug } });
      const stages = await db.pipelineStage.findMany({ where: { companyId: company.id }, orderBy: { position: "asc" } });
      expect(stages.map((s) => s.name)).toEqual(["New", "Contacted", "Site visit booked", "Quoted", "Won", "Lost"]);
      const enquiries = await db.enquiry.findMany({ where: { companyId: company.id } });
      expect(enquiries).toHaveLength(10);
      expect(new Set(enquiries.map((e) => e.stageId)).size).toBe(6);
      expect(enquiries.filter((e) => e.ownerId).length).toBeGreaterThanOrEqual(8);
      expect(await db.note.count({ where: { companyId: company.id, entityType: "Enquiry" } })).toBeGreaterThanOrEqual(3);
    }
    for (const slug of ["sparkright", "northgate"]) {
      const company = await db.company.findUniqueOrThrow({ where: { slug } });
      const clients = await db.client.findMany({ where: { companyId: company.id }, include: { sites: true, contacts: true } });
      expect(clients).toHaveLength(12);
      expect(new Set(clients.map((c) => c.kind))).toEqual(new Set(["PERSON", "ORGANISATION"]));
      for (const c of clients) {
        expect(c.sites.length, c.name).toBeGreaterThanOrEqual(1);
        expect(c.sites.length, c.name).toBeLessThanOrEqual(3);
        for (const s of c.sites) {
          expect(normalisePostcode(s.postcode), s.postcode).toBe(s.postcode);
          expect(c.searchText).toContain(s.postcode.toLowerCase().replace(" ", ""));
        }
      }
      expect(new Set(clients.flatMap((c) => c.tags))).toEqual(new Set(["landlord", "commercial", "domestic", "repeat"]));
      expect(clients.filter((c) => c.contacts.length > 0).length).toBeGreaterThanOrEqual(5);
      expect(await db.note.count({ where: { companyId: company.id, entityType: "Client" } })).toBeGreaterThanOrEqual(3);
      const priceBook = await db.priceBookItem.findMany({ where: { companyId: company.id, archivedAt: null } });
      expect(priceBook.length).toBeGreaterThanOrEqual(5);
      expect(new Set(priceBook.map((i) => i.kind))).toEqual(new Set(["LABOUR", "MATERIALS", "FIXED"]));
    }
    const clientsBefore = await db.client.count();
    const enquiriesBefore = await db.enquiry.count();
    expect(await seed()).toEqual({ created: 0 });
    expect(await db.enquiry.count()).toBe(enquiriesBefore);
    expect(await db.client.count()).toBe(clientsBefore);
    expect(await counts()).toEqual(first);
    expect(await db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, passwordHash: true, updatedAt: true } })).toEqual(before);
  }, 180_000); // the demo seed grows with each area (quotes, schedule, invoices…) and runs twice here
});
