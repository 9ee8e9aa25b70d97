/**
 * Demo invoices for both companies, made through the real services: every status (draft, issued,
 * part-paid, paid, void), some overdue, a deposit and its balance from the accepted quote, a
 * credit note, manual payments (bank transfer, cash, cheque), a reverse-charge CIS invoice, and a
 * card payment that arrived for the voided invoice (unapplied money for the office).
 * Idempotent: a company that already has invoices is left alone.
 */
import { anonymousContext, requireTenant } from "../src/server/context.ts";
import { unsafeUnscopedDb } from "../src/server/db/client.ts";
import { effectiveCapabilities } from "../src/modules/identity/permissions.ts";
import { createCreditNote } from "../src/modules/invoices/credit-notes.service.ts";
import { createBlankInvoice, createInvoiceFromQuote, issueInvoice, sendInvoice, voidInvoice } from "../src/modules/invoices/invoices.service.ts";
import { createBlankInvoiceInput } from "../src/modules/invoices/invoices.schema.ts";
import { applyPayment } from "../src/modules/invoices/payments.service.ts";
import { recordUnappliedPayment } from "../src/modules/invoices/unapplied-payments.service.ts";

type Line = { kind: "LABOUR" | "MATERIALS" | "FIXED"; description: string; quantityMilli: number; unitPricePence: number; vatRateBps: 2000 | 500 | 0 | null; vatRuleKey?: "ENERGY_SAVING_MATERIALS" };
const labour = (description: string, hours: number, rate: number): Line => ({ kind: "LABOUR", description, quantityMilli: hours * 1000, unitPricePence: rate * 100, vatRateBps: 2000 });
const item = (description: string, pounds: number, extra: Partial<Line> = {}): Line => ({ kind: "MATERIALS", description, quantityMilli: 1000, unitPricePence: pounds * 100, vatRateBps: 2000, ...extra });

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const isoDaysAgo = (n: number) => daysAgo(n).toISOString().slice(0, 10);

export async function seedInvoices(slugs: string[]): Promise<number> {
  const db = unsafeUnscopedDb();
  let created = 0;
  for (const slug of slugs) {
    const company = await db.company.findUniqueOrThrow({ where: { slug } });
    if (await db.invoice.count({ where: { companyId: company.id } })) continue;
    const admin = await db.user.findUniqueOrThrow({ where: { email: `admin@${slug}.test` } });
    const ctx = requireTenant({
      ...anonymousContext({ requestId: "seed" }),
      user: { id: admin.id, email: admin.email, name: admin.name, isPlatformOperator: false },
      companyId: company.id,
      companyStatus: "ACTIVE",
      role: "ADMIN",
      capabilities: effectiveCapabilities("ADMIN"),
    });
    // Invoices need the seller's VAT number and bank details: fill them in where the demo company has none.
    await db.company.update({
      where: { id: company.id },
      data: {
        vatNumber: company.vatNumber ?? (slug.length % 2 ? "GB123456789" : "GB987654312"),
        bankAccountName: company.bankAccountName ?? company.name,
        bankSortCode: company.bankSortCode ?? "401234",
        bankAccountNumber: company.bankAccountNumber ?? "31926819",
        addressLine1: company.addressLine1 ?? "Unit 4, Riverside Works",
        town: company.town ?? "Bristol",
        postcode: company.postcode ?? "BS2 0QY",
      },
    });
    const people = await db.client.findMany({ where: { companyId: company.id, kind: "PERSON", archivedAt: null }, orderBy: { name: "asc" } });
    const orgs = await db.client.findMany({ where: { companyId: company.id, kind: "ORGANISATION", archivedAt: null }, orderBy: { name: "asc" } });
    const clients = [...people, ...orgs];
    if (clients.length === 0) continue;
    const pick = (i: number) => clients[i % clients.length]!;
    const blank = (clientId: string, title: string, lines: Line[], supplyDate?: string) =>
      createBlankInvoice(ctx, createBlankInvoiceInput.parse({ clientId, title, lines, supplyDate: supplyDate ?? null, notes: "Thank you for your business." }));
    const pay = (invoiceId: string, method: "BANK_TRANSFER" | "CASH" | "CHEQUE", amountPence: number, receivedOn: string, reference: string | null, cisDeductionPence = 0) =>
      ctx.db.$transaction((tx) => applyPayment(tx, ctx, { invoiceId, method, amountPence, cisDeductionPence, receivedOn, reference }));

    // 1. The accepted quote: a 50% deposit (paid by transfer) and the balance invoice (issued, sent).
    const accepted = await db.quote.findFirst({ where: { companyId: company.id, status: "ACCEPTED" } });
    if (accepted) {
      const dep = await createInvoiceFromQuote(ctx, { quoteId: accepted.id, mode: "deposit", depositBps: 5000 });
      const depIssued = await issueInvoice(ctx, dep.id, daysAgo(20));
      await pay(dep.id, "BANK_TRANSFER", depIssued.payablePence, isoDaysAgo(18), `${depIssued.number} deposit`);
      const fin = await createInvoiceFromQuote(ctx, { quoteId: accepted.id, mode: "full" });
      await issueInvoice(ctx, fin.id, daysAgo(2));
      await sendInvoice(ctx, fin.id);
      created += 2;
    }

    // 2. A draft still being prepared.
    await blank(pick(0).id, "Landlord safety checks, spring visit", [labour("EICR, up to 10 circuits", 3, 55), labour("PAT testing, 20 appliances", 2, 40)]);
    created++;

    // 3. Issued 45 days ago, nothing paid: overdue.
    const overdue = await blank(pick(1).id, "Replace faulty immersion heater", [labour("Drain down, replace element and thermostat", 3, 48), item("3 kW immersion element and stat", 68)], isoDaysAgo(46));
    await issueInvoice(ctx, overdue.id, daysAgo(45));
    created++;

    // 4. Issued 38 days ago, part paid in cash: overdue and part-paid.
    const partOverdue = await blank(pick(2).id, "Bathroom extractor and lighting", [labour("Fit humidistat extractor and IP65 downlights", 5, 45), item("Extractor fan with humidistat", 95), item("IP65 LED downlights (4)", 72)], isoDaysAgo(39));
    const partIssued = await issueInvoice(ctx, partOverdue.id, daysAgo(38));
    await pay(partOverdue.id, "CASH", Math.round(partIssued.payablePence / 3), isoDaysAgo(30), "Cash on site");
    created++;

    // 5. Paid in full by cheque.
    const paid = await blank(pick(3).id, "Smoke and heat alarms, interlinked", [labour("Install 4 interlinked alarms", 3, 48), item("Mains smoke/heat alarms (4)", 140)], isoDaysAgo(26));
    const paidIssued = await issueInvoice(ctx, paid.id, daysAgo(25));
    await pay(paid.id, "CHEQUE", paidIssued.payablePence, isoDaysAgo(12), "Cheque 004512");
    created++;

    // 6. Part-paid, then a credit note for a socket not fitted.
    const credited = await blank(pick(4).id, "Kitchen sockets and under-cabinet lighting", [labour("Six double sockets and LED strip", 7, 45), item("Sockets, strip lights and drivers", 210)], isoDaysAgo(10));
    const creditedIssued = await issueInvoice(ctx, credited.id, daysAgo(9));
    await pay(credited.id, "BANK_TRANSFER", Math.round(creditedIssued.payablePence / 2), isoDaysAgo(5), "FPS 88213");
    await createCreditNote(ctx, credited.id, { reason: "One double socket not fitted (client changed the layout)", mode: "partial", lines: [{ description: "Double socket not fitted", netPence: 6500, vatRateBps: 2000 }] });
    created++;

    // 7. Heat pump with energy-saving materials at the rate of the supply date, just issued.
    const esm = await blank(pick(5).id, "Air source heat pump installation", [labour("Install air source heat pump and controls", 16, 50), item("8 kW air source heat pump", 5200, { vatRuleKey: "ENERGY_SAVING_MATERIALS", vatRateBps: 0 })], isoDaysAgo(1));
    await issueInvoice(ctx, esm.id);
    created++;

    // 8. Raised in error and voided.
    const voided = await blank(pick(6).id, "Callout charge (duplicate)", [labour("Emergency callout", 1, 85)]);
    await issueInvoice(ctx, voided.id, daysAgo(15));
    const voidedIssued = await voidInvoice(ctx, voided.id, "Raised twice for the same callout; the other invoice stands.");
    // The client paid it by card from an old link after it was voided: unapplied money for the office to refund or resolve.
    await ctx.db.$transaction((tx) =>
      recordUnappliedPayment(tx, ctx, { invoiceId: voided.id, amountPence: voidedIssued.payablePence, paymentIntentId: `pi_demo_${slug.replace(/[^a-z0-9]/gi, "")}_void`, checkoutSessionId: null, eventId: null, reason: "This invoice is void and can't take payments." }),
    );
    created++;

    // 9. A VAT-registered CIS contractor: domestic reverse charge, CIS at 20% on labour; part paid with CIS withheld.
    const contractor = orgs[0];
    if (contractor) {
      await db.client.update({ where: { id: contractor.id }, data: { vatRegistered: true, vatNumber: contractor.vatNumber ?? "GB246813579", cisContractor: true, cisRateBps: 2000, reverseChargeEndUser: false } });
      const cis = await blank(contractor.id, "Second fix electrics, plots 3 and 4", [labour("Second fix, two flats", 32, 42), item("Accessories and fittings", 640)], isoDaysAgo(35));
      const cisIssued = await issueInvoice(ctx, cis.id, daysAgo(34));
      const labourNet = 32 * 4200;
      await pay(cis.id, "BANK_TRANSFER", Math.round(cisIssued.payablePence / 2), isoDaysAgo(20), "Stage payment", Math.round(labourNet * 0.2 * 0.5));
      created++;
    }
  }
  return created;
}
