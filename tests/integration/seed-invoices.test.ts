import { describe, expect, it } from "vitest";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { balanceDuePence } from "@/modules/invoices/invoice-money.ts";
import { seed } from "../../prisma/seed.ts";

describe("demo invoices", () => {
  it("gives both companies invoices in every status, some overdue, a credit note, manual payments, CIS; a second run adds none", async () => {
    await seed();
    const db = unsafeUnscopedDb();
    const today = new Date(new Date().toISOString().slice(0, 10));
    const before: Record<string, number> = {};
    for (const slug of ["sparkright", "northgate"]) {
      const company = await db.company.findUniqueOrThrow({ where: { slug } });
      const invoices = await db.invoice.findMany({ where: { companyId: company.id } });
      before[slug] = invoices.length;
      expect(new Set(invoices.map((i) => i.status))).toEqual(new Set(["DRAFT", "ISSUED", "PART_PAID", "PAID", "VOID"]));
      const overdue = invoices.filter((i) => (i.status === "ISSUED" || i.status === "PART_PAID") && i.dueDate && i.dueDate < today);
      expect(overdue.length).toBeGreaterThanOrEqual(2);
      expect(invoices.some((i) => i.kind === "DEPOSIT" && i.status === "PAID")).toBe(true);
      expect(invoices.some((i) => i.reverseCharge && i.cisRateBps === 2000)).toBe(true);
      for (const i of invoices.filter((x) => x.status !== "DRAFT" && x.status !== "VOID")) {
        // Every figure holds together: status follows the balance.
        expect(i.status === "PAID").toBe(balanceDuePence(i) <= 0);
      }
      expect(await db.creditNote.count({ where: { companyId: company.id } })).toBeGreaterThanOrEqual(1);
      const methods = new Set((await db.payment.findMany({ where: { companyId: company.id } })).map((p) => p.method));
      expect(methods).toEqual(new Set(["BANK_TRANSFER", "CASH", "CHEQUE"]));
      expect(await db.payment.count({ where: { companyId: company.id, cisDeductionPence: { gt: 0 } } })).toBe(1);
      const numbers = invoices.filter((i) => i.number).map((i) => Number(i.number!.split("-").pop()));
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, k) => k + 1));
    }
    await seed();
    for (const slug of ["sparkright", "northgate"]) {
      const company = await db.company.findUniqueOrThrow({ where: { slug } });
      expect(await db.invoice.count({ where: { companyId: company.id } })).toBe(before[slug]);
    }
  }, 180_000);
});
