import { describe, expect, it, vi } from "vitest";

// A pool wider than the 20 concurrent issues below, so all 20 really contend for the counter at
// once (a pool of 10 would queue half of them before they start, and time out under load).
vi.hoisted(() => {
  process.env.DATABASE_POOL_MAX = "30";
});
import * as listRoute from "../../app/api/admin/invoices/route.ts";
import * as oneRoute from "../../app/api/admin/invoices/[id]/route.ts";
import * as issueRoute from "../../app/api/admin/invoices/[id]/issue/route.ts";
import * as sendRoute from "../../app/api/admin/invoices/[id]/send/route.ts";
import * as voidRoute from "../../app/api/admin/invoices/[id]/void/route.ts";
import * as paymentsRoute from "../../app/api/admin/invoices/[id]/payments/route.ts";
import * as creditRoute from "../../app/api/admin/invoices/[id]/credit-notes/route.ts";
import * as paymentListRoute from "../../app/api/admin/payments/route.ts";
import * as paymentRoute from "../../app/api/admin/payments/[id]/route.ts";
import * as refundRoute from "../../app/api/admin/payments/[id]/refunds/route.ts";
import * as linkPdfRoute from "../../app/api/public/invoices/[token]/pdf/route.ts";
import { createQuote, sendQuote } from "@/modules/quotes/quotes.service.ts";
import { acceptQuoteByLink } from "@/modules/quotes/acceptance.service.ts";
import { createQuoteInput } from "@/modules/quotes/quotes.schema.ts";
import { createCreditNote } from "@/modules/invoices/credit-notes.service.ts";
import { viewInvoiceByLink } from "@/modules/invoices/invoice-link.service.ts";
import {
  createBlankInvoice,
  createInvoiceFromJob,
  createInvoiceFromQuote,
  createInvoiceLink,
  getInvoice,
  issueInvoice,
  updateInvoice,
  voidInvoice,
} from "@/modules/invoices/invoices.service.ts";
import { applyPayment, applyRefund, OverpaymentError } from "@/modules/invoices/payments.service.ts";
import { systemBillingContext } from "@/modules/invoices/billing-context.ts";
import { createBlankInvoiceInput } from "@/modules/invoices/invoices.schema.ts";
import { openSecret } from "@/server/auth/secret-box.ts";
import { anonymousContext, type TenantContext } from "@/server/context.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { SEALED_PROPS_PURPOSE } from "@/server/email/queue-email.ts";
import { call } from "../support/http.ts";
import { createSession, createUser, tenantWithAdmin } from "../support/factories.ts";
import { signatureDataUrl } from "../support/png.ts";

const db = unsafeUnscopedDb();
const ORIGIN = { origin: "http://localhost:3000" };

type Line = { kind: "LABOUR" | "MATERIALS" | "FIXED"; description: string; quantityMilli: number; unitPricePence: number; vatRateBps: 2000 | 500 | 0 | null; vatRuleKey?: "ENERGY_SAVING_MATERIALS" | null };
const labour = (pence: number, vat: 2000 | 500 | 0 | null = 2000): Line => ({ kind: "LABOUR", description: "Labour", quantityMilli: 1000, unitPricePence: pence, vatRateBps: vat });
const materials = (pence: number, vat: 2000 | 500 | 0 | null = 2000): Line => ({ kind: "MATERIALS", description: "Materials", quantityMilli: 1000, unitPricePence: pence, vatRateBps: vat });

async function clientFor(companyId: string, over: Record<string, unknown> = {}) {
  const c = await db.client.create({ data: { companyId, name: "Harbour Lettings Ltd", kind: "ORGANISATION", email: "accounts@harbour.test", ...over } });
  await db.site.create({ data: { companyId, clientId: c.id, addressLine1: "1 Quay St", town: "Bristol", postcode: "BS1 4AA" } });
  return c;
}

async function draft(ctx: TenantContext, clientId: string, lines: Line[] = [labour(10000)], extra: Record<string, unknown> = {}) {
  return createBlankInvoice(ctx, createBlankInvoiceInput.parse({ clientId, title: "Rewire", lines, ...extra }));
}

async function issued(ctx: TenantContext, clientId: string, lines: Line[] = [labour(10000)]) {
  const d = await draft(ctx, clientId, lines);
  return issueInvoice(ctx, d.id);
}

describe("issuing", () => {
  it("gives 20 concurrent issues 20 distinct consecutive numbers", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const drafts = [];
    for (let i = 0; i < 20; i++) drafts.push(await draft(t.ctx, c.id));
    const results = await Promise.all(drafts.map((d) => issueInvoice(t.ctx, d.id)));
    const numbers = results.map((r) => r.number!).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `INV-${String(i + 1).padStart(5, "0")}`));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(["ISSUED"]));
  }, 60_000);

  it("sets the tax point, the due date from the client's terms (else the company's), a snapshot and a PDF job", async () => {
    const t = await tenantWithAdmin();
    await db.company.update({ where: { id: t.company.id }, data: { paymentTermsDays: 14, vatNumber: "GB123456789", addressLine1: "2 Mill Lane", town: "Leeds", postcode: "LS1 1AA" } });
    const own = await clientFor(t.company.id, { paymentTermsDays: 7 });
    const other = await clientFor(t.company.id);
    const now = new Date("2026-11-20T10:00:00Z");
    const a = await issueInvoice(t.ctx, (await draft(t.ctx, own.id)).id, now);
    const b = await issueInvoice(t.ctx, (await draft(t.ctx, other.id)).id, now);
    expect(a).toMatchObject({ issueDate: "2026-11-20", supplyDate: "2026-11-20", dueDate: "2026-11-27", paymentTermsDays: 7, grossPence: 12000, payablePence: 12000 });
    expect(b).toMatchObject({ dueDate: "2026-12-04", paymentTermsDays: 14 });
    const row = await db.invoice.findUniqueOrThrow({ where: { id: a.id } });
    const snap = row.snapshot as { seller: { vatNumber: string; addressLines: string[] }; buyer: { name: string; addressLines: string[] }; number: string };
    expect(snap.number).toBe(a.number);
    expect(snap.seller).toMatchObject({ vatNumber: "GB123456789", addressLines: ["2 Mill Lane", "Leeds", "LS1 1AA"] });
    expect(snap.buyer).toMatchObject({ name: "Harbour Lettings Ltd", addressLines: ["1 Quay St", "Bristol", "BS1 4AA"] });
    expect(await db.outboxMessage.count({ where: { idempotencyKey: `pdf:invoice:${a.id}` } })).toBe(1);
    const events = await db.auditEvent.findMany({ where: { entityId: a.id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["invoice.created", "invoice.issued"]));
  });

  it("makes an issued invoice immutable: PATCH is a 409 and nothing changes", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const inv = await issued(t.ctx, c.id);
    const token = await createSession(t.user.id, t.company.id);
    const res = await call(oneRoute.PATCH, { token, headers: ORIGIN, params: { id: inv.id }, body: { title: "Changed", lines: [labour(1)] } });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/credit note/);
    const after = await getInvoice(t.ctx, inv.id);
    expect(after.title).toBe("Rewire");
    expect(after.lines.map((l) => l.unitPricePence)).toEqual([10000]);
    expect(after.grossPence).toBe(12000);
    await expect(issueInvoice(t.ctx, inv.id)).rejects.toMatchObject({ status: 409 });
  });

  it("lets a draft be edited and re-priced", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const d = await draft(t.ctx, c.id);
    const u = await updateInvoice(t.ctx, d.id, { title: "Rewire (revised)", lines: [{ ...labour(20000), discountBps: 0 }, { ...materials(5000, 500), discountBps: 0 }] });
    expect(u).toMatchObject({ title: "Rewire (revised)", netPence: 25000, vatPence: 4250, grossPence: 29250, status: "DRAFT", number: null });
  });

  it("prices energy-saving materials by the supply date: 0% to 31 Mar 2027, 5% after", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const esm: Line = { ...materials(100000, 0), vatRuleKey: "ENERGY_SAVING_MATERIALS" };
    const before = await draft(t.ctx, c.id, [esm], { supplyDate: "2027-03-31" });
    const after = await draft(t.ctx, c.id, [esm], { supplyDate: "2027-04-01" });
    expect(before.lines[0]!.vatRateBps).toBe(0);
    expect(before.vatPence).toBe(0);
    expect(after.lines[0]!.vatRateBps).toBe(500);
    expect(after.vatPence).toBe(5000);
    const i = await issueInvoice(t.ctx, after.id);
    expect(i.vatByRate).toEqual([{ rateBps: 500, netPence: 100000, vatPence: 5000 }]);
  });
});

describe("reverse charge and CIS on issue", () => {
  it("applies the domestic reverse charge to a VAT-registered CIS contractor: VAT shown, client pays net less CIS on labour", async () => {
    const t = await tenantWithAdmin();
    await db.company.update({ where: { id: t.company.id }, data: { vatNumber: "GB123456789" } });
    const c = await clientFor(t.company.id, { vatRegistered: true, vatNumber: "GB987654321", cisContractor: true, cisRateBps: 2000 });
    const inv = await issued(t.ctx, c.id, [labour(100000), materials(50000)]);
    expect(inv).toMatchObject({ reverseCharge: true, cisRateBps: 2000, netPence: 150000, vatPence: 30000, grossPence: 180000, cisDeductionPence: 20000, payablePence: 130000, balancePence: 130000 });
    const snap = (await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).snapshot as { wording: string[]; buyer: { vatNumber: string } };
    expect(snap.wording[0]).toMatch(/Reverse charge: customer to pay the VAT to HMRC \(VAT Act 1994 s55A\)/);
    expect(snap.buyer.vatNumber).toBe("GB987654321");
  });

  it("never applies the reverse charge to a householder or an end user; CIS at 30% on labour only", async () => {
    const t = await tenantWithAdmin();
    await db.company.update({ where: { id: t.company.id }, data: { vatNumber: "GB123456789" } });
    const person = await clientFor(t.company.id, { kind: "PERSON", vatRegistered: true, cisContractor: true, cisRateBps: 2000 });
    const endUser = await clientFor(t.company.id, { vatRegistered: true, cisContractor: true, cisRateBps: 3000, reverseChargeEndUser: true });
    const p = await issued(t.ctx, person.id, [labour(100000)]);
    expect(p).toMatchObject({ reverseCharge: false, cisRateBps: null, payablePence: 120000 });
    const e = await issued(t.ctx, endUser.id, [labour(100000), materials(50000)]);
    expect(e).toMatchObject({ reverseCharge: false, cisRateBps: 3000, grossPence: 180000, cisDeductionPence: 30000, payablePence: 150000 });
  });

  it("a payment records the CIS withheld, which counts toward settling the invoice", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id, { cisContractor: true, cisRateBps: 2000 });
    const inv = await issued(t.ctx, c.id, [labour(100000)]);
    expect(inv.payablePence).toBe(100000); // 120000 gross − 20000 CIS
    const token = await createSession(t.user.id, t.company.id);
    const res = await call(paymentsRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { method: "BANK_TRANSFER", amountPence: 100000, cisDeductionPence: 0, receivedOn: "2026-11-21", reference: "BACS 1" } });
    expect(res.status).toBe(201);
    expect((await getInvoice(t.ctx, inv.id)).status).toBe("PAID");
  });
});

describe("payments", () => {
  it("part-paid then paid; overpayment refused with a clear message; refund moves the status back", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const inv = await issued(t.ctx, c.id); // £120.00
    const token = await createSession(t.user.id, t.company.id);
    const pay = (amountPence: number) => call(paymentsRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { method: "BANK_TRANSFER", amountPence, receivedOn: "2026-11-21", reference: "INV ref" } });

    const first = await pay(5000);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ amountPence: 5000, method: "BANK_TRANSFER", reference: "INV ref", receivedOn: "2026-11-21" });
    expect(await getInvoice(t.ctx, inv.id)).toMatchObject({ status: "PART_PAID", paidPence: 5000, balancePence: 7000 });

    const over = await pay(7001);
    expect(over.status).toBe(409);
    expect(over.json.error.message).toBe("£70.01 is more than the £70.00 outstanding");
    expect((await getInvoice(t.ctx, inv.id)).paidPence).toBe(5000);

    expect((await pay(7000)).status).toBe(201);
    const paid = await getInvoice(t.ctx, inv.id);
    expect(paid).toMatchObject({ status: "PAID", paidPence: 12000, balancePence: 0 });
    expect(paid.paidAt).not.toBeNull();

    const refund = await call(refundRoute.POST, { token, headers: ORIGIN, params: { id: first.json.id }, body: { amountPence: 2000, reason: "Goodwill" } });
    expect(refund.status).toBe(201);
    expect(refund.json).toMatchObject({ refundedPence: 2000, refunds: [{ amountPence: 2000, reason: "Goodwill" }] });
    expect(await getInvoice(t.ctx, inv.id)).toMatchObject({ status: "PART_PAID", paidPence: 10000, balancePence: 2000, paidAt: null });

    const tooMuch = await call(refundRoute.POST, { token, headers: ORIGIN, params: { id: first.json.id }, body: { amountPence: 3001 } });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.json.error.message).toBe("£30.01 is more than the £30.00 left to refund on this payment");

    const listed = await call(paymentListRoute.GET, { token, path: `/api/admin/payments?invoiceId=${inv.id}` });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toHaveLength(2);
    const one = await call(paymentRoute.GET, { token, params: { id: first.json.id } });
    expect(one.json).toMatchObject({ id: first.json.id, invoiceNumber: inv.number });
  });

  it("refuses payments on drafts and void invoices", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const d = await draft(t.ctx, c.id);
    await expect(t.ctx.db.$transaction((tx) => applyPayment(tx, t.ctx, { invoiceId: d.id, method: "CASH", amountPence: 100, receivedOn: "2026-11-21" }))).rejects.toMatchObject({ status: 409 });
  });

  it("concurrent payments can't overpay: one of two full payments is refused", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const inv = await issued(t.ctx, c.id);
    const results = await Promise.allSettled([12000, 12000].map((amountPence) => t.ctx.db.$transaction((tx) => applyPayment(tx, t.ctx, { invoiceId: inv.id, method: "CASH", amountPence, receivedOn: "2026-11-21" }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(OverpaymentError);
    expect((await getInvoice(t.ctx, inv.id)).paidPence).toBe(12000);
  });

  it("a repeated Stripe payment intent is a no-op returning the same payment (system context); a repeated refund id too", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const inv = await issued(t.ctx, c.id);
    const sys = systemBillingContext(t.company.id, anonymousContext());
    const input = { invoiceId: inv.id, method: "CARD" as const, amountPence: 5000, receivedOn: new Date(), stripePaymentIntentId: `pi_${inv.id}` };
    const a = await sys.db.$transaction((tx) => applyPayment(tx, sys, input));
    const b = await sys.db.$transaction((tx) => applyPayment(tx, sys, input));
    expect(a.duplicate).toBe(false);
    expect(b).toMatchObject({ duplicate: true, payment: { id: a.payment.id } });
    expect((await getInvoice(t.ctx, inv.id)).paidPence).toBe(5000);
    const r1 = await sys.db.$transaction((tx) => applyRefund(tx, sys, { paymentId: a.payment.id, amountPence: 1000, stripeRefundId: `re_${inv.id}` }));
    const r2 = await sys.db.$transaction((tx) => applyRefund(tx, sys, { paymentId: a.payment.id, amountPence: 1000, stripeRefundId: `re_${inv.id}` }));
    expect(r2).toMatchObject({ duplicate: true, refund: { id: r1.refund.id } });
    expect((await getInvoice(t.ctx, inv.id)).paidPence).toBe(4000);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: inv.id, action: "invoice.payment_recorded" } });
    expect(audit.actorId).toBeNull();
  });
});

describe("credit notes", () => {
  it("numbers credit notes separately, reduces the balance and refuses more than is outstanding", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const inv = await issued(t.ctx, c.id, [labour(10000), materials(5000)]); // £180.00
    const token = await createSession(t.user.id, t.company.id);
    await call(paymentsRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { method: "CASH", amountPence: 10000, receivedOn: "2026-11-21" } });

    const res = await call(creditRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { reason: "Socket not fitted", lines: [{ description: "Socket not fitted", netPence: 2500, vatRateBps: 2000 }] } });
    expect(res.status).toBe(201);
    expect(res.json.creditNotes).toMatchObject([{ number: "CN-00001", reason: "Socket not fitted", netPence: 2500, vatPence: 500, grossPence: 3000 }]);
    expect(res.json).toMatchObject({ creditedPence: 3000, balancePence: 5000, status: "PART_PAID" });

    const over = await call(creditRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { reason: "Too much", lines: [{ description: "All", netPence: 4200, vatRateBps: 2000 }] } });
    expect(over.status).toBe(409);
    expect(over.json.error.message).toBe("£50.40 is more than the £50.00 that can still be credited on this invoice.");

    const full = await call(creditRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { reason: "Everything", mode: "full" } });
    expect(full.status).toBe(409);

    const rest = await createCreditNote(t.ctx, inv.id, { reason: "Settle", mode: "partial", lines: [{ description: "Rest", netPence: 5000, vatRateBps: 0 }] });
    expect(rest).toMatchObject({ status: "PAID", balancePence: 0, creditedPence: 8000 });
    expect(rest.creditNotes.map((n) => n.number)).toEqual(["CN-00001", "CN-00002"]);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: "pdf:credit-note:" }, companyId: t.company.id } })).toBe(2);
  });

  it("on a CIS invoice, a partial credit says labour or materials and reverses the CIS on the labour it credits", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id, { cisContractor: true, cisRateBps: 2000 });
    // Labour 100000 + materials 50000 at 20%: gross 180000, CIS 20000, payable 160000.
    const inv = await issued(t.ctx, c.id, [labour(100000), materials(50000)]);
    expect(inv).toMatchObject({ grossPence: 180000, cisDeductionPence: 20000, payablePence: 160000 });
    const token = await createSession(t.user.id, t.company.id);
    const noKind = await call(creditRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { reason: "Snagging", lines: [{ description: "Snagging", netPence: 10000, vatRateBps: 2000 }] } });
    expect(noKind.status).toBe(422);
    expect(noKind.json.error.fields).toMatchObject({ "lines.0.kind": expect.stringMatching(/labour or materials/) });
    // Labour 10000: VAT 2000, gross 12000; CIS reversed 20% of 10000 = 2000; credited 10000.
    const one = await call(creditRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { reason: "Less labour", lines: [{ description: "Half a day less", netPence: 10000, vatRateBps: 2000, kind: "LABOUR" }] } });
    expect(one.status).toBe(201);
    expect(one.json.creditNotes[0]).toMatchObject({ grossPence: 12000, cisReversedPence: 2000, lines: [{ kind: "LABOUR", netPence: 10000 }] });
    // Remaining gross 168000 − CIS on the labour left (90000 × 20% = 18000) = 150000.
    expect(one.json).toMatchObject({ creditedPence: 10000, balancePence: 150000 });
    // Materials 5000: gross 6000, no CIS; labour 333 (odd pence): CIS 18000 − 17933 = 67 reversed.
    const two = await createCreditNote(t.ctx, inv.id, {
      reason: "Returned stock and a small labour correction",
      mode: "partial",
      lines: [
        { description: "Returned stock", netPence: 5000, vatRateBps: 2000, kind: "MATERIALS" },
        { description: "Labour correction", netPence: 333, vatRateBps: 2000, kind: "LABOUR" },
      ],
    });
    expect(two.creditNotes[1]).toMatchObject({ netPence: 5333, vatPence: 1067, grossPence: 6400, cisReversedPence: 67 });
    // Remaining: gross 180000 − 12000 − 6400 = 161600; labour 89667 → CIS 17933; payable 143667.
    expect(two).toMatchObject({ creditedPence: 10000 + 6333, balancePence: 161600 - 17933 });
    const tooMuchLabour = await call(creditRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { reason: "Too much", lines: [{ description: "x", netPence: 89668, vatRateBps: 0, kind: "LABOUR" }] } });
    expect(tooMuchLabour.status).toBe(422);
    expect(tooMuchLabour.json.error.message).toMatch(/£896.68 of labour is more than the £896.67 of labour left/);
    const note = await db.creditNote.findFirstOrThrow({ where: { invoiceId: inv.id, cisReversedPence: 2000 } });
    const pdf = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `pdf:credit-note:${note.id}` } });
    expect((pdf.payload as { props: { cisRateBps: number; totals: { cisReversedPence: number; creditPence: number }; lines: { kind: string }[] } }).props).toMatchObject({
      cisRateBps: 2000,
      totals: { cisReversedPence: 2000, creditPence: 10000 },
      lines: [{ kind: "Labour" }],
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: inv.id, action: "invoice.credited" }, orderBy: { createdAt: "asc" } });
    expect(audit.after).toMatchObject({ cisReversedPence: 2000, creditPence: 10000 });
  });

  it("a full credit note credits exactly what is payable and refuses drafts", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id, { cisContractor: true, cisRateBps: 2000 });
    const inv = await issued(t.ctx, c.id, [labour(10000), materials(5000)]);
    const credited = await createCreditNote(t.ctx, inv.id, { reason: "Cancelled", mode: "full", lines: [] });
    expect(credited).toMatchObject({ creditedPence: inv.payablePence, balancePence: 0, status: "PAID" });
    expect(credited.creditNotes[0]).toMatchObject({ netPence: 15000, vatPence: 3000, grossPence: 18000, cisReversedPence: 2000 });
    const d = await draft(t.ctx, c.id);
    await expect(createCreditNote(t.ctx, d.id, { reason: "x x", mode: "full", lines: [] })).rejects.toMatchObject({ status: 409 });
  });
});

describe("void", () => {
  it("needs a reason, refuses an invoice with payments, never deletes, and revokes its links", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const inv = await issued(t.ctx, c.id);
    const token = await createSession(t.user.id, t.company.id);
    const linkToken = await t.ctx.db.$transaction((tx) => createInvoiceLink(tx, t.ctx, inv.id));
    expect(await viewInvoiceByLink(linkToken)).not.toBeNull();

    const noReason = await call(voidRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { reason: "" } });
    expect(noReason.status).toBe(400);

    const pay = await call(paymentsRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { method: "CHEQUE", amountPence: 1000, receivedOn: "2026-11-21" } });
    const refused = await call(voidRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { reason: "Raised in error" } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/payments/);

    await call(refundRoute.POST, { token, headers: ORIGIN, params: { id: pay.json.id }, body: { amountPence: 1000 } });
    const ok = await call(voidRoute.POST, { token, headers: ORIGIN, params: { id: inv.id }, body: { reason: "Raised in error" } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ status: "VOID", voidReason: "Raised in error", number: inv.number });
    expect(await db.invoice.count({ where: { id: inv.id } })).toBe(1);
    expect(await viewInvoiceByLink(linkToken)).toBeNull();
    const again = await voidInvoice(t.ctx, inv.id, "Again").catch((e: { status: number }) => e.status);
    expect(again).toBe(409);
  });
});

describe("from an accepted quote and from a job", () => {
  async function acceptedQuote(t: Awaited<ReturnType<typeof tenantWithAdmin>>, lines: object[], client: Record<string, unknown> = { kind: "PERSON", name: "Robert Ainsley", email: "robert@example.test" }) {
    const c = await clientFor(t.company.id, client);
    const q = await createQuote(t.ctx, createQuoteInput.parse({ clientId: c.id, title: "Kitchen sockets", lines }));
    await sendQuote(t.ctx, q.id);
    const m = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `pdf:quote:${q.id}:v1` } });
    const { url } = JSON.parse(openSecret((m.payload as { thenEmail: { payload: { sealedProps: string } } }).thenEmail.payload.sealedProps, SEALED_PROPS_PURPOSE)) as { url: string };
    const token = url.split("/q/")[1]!;
    return { c, q, token };
  }

  it("invoices the chosen option, ticked add-ons and base lines in full, once", async () => {
    const t = await tenantWithAdmin();
    const { q, token } = await acceptedQuote(t, [
      { kind: "LABOUR", description: "Install", quantityMilli: 2000, unitPricePence: 5000, vatRateBps: 2000 },
      { kind: "FIXED", description: "White sockets", quantityMilli: 1000, unitPricePence: 2000, vatRateBps: 2000, placement: "OPTION", groupName: "Finish", optionName: "White" },
      { kind: "FIXED", description: "Chrome sockets", quantityMilli: 1000, unitPricePence: 6000, vatRateBps: 2000, placement: "OPTION", groupName: "Finish", optionName: "Chrome" },
      { kind: "FIXED", description: "USB-C sockets", quantityMilli: 1000, unitPricePence: 3000, vatRateBps: 2000, placement: "ADDON", addonName: "USB" },
      { kind: "FIXED", description: "Smart switch", quantityMilli: 1000, unitPricePence: 9000, vatRateBps: 2000, placement: "ADDON", addonName: "Smart" },
    ]);
    await expect(createInvoiceFromQuote(t.ctx, { quoteId: q.id, mode: "full" })).rejects.toMatchObject({ status: 409 }); // not accepted yet
    await acceptQuoteByLink(anonymousContext(), token, { version: 1, choice: { options: { Finish: "Chrome" }, addons: ["USB"] }, signerName: "Robert Ainsley", signature: signatureDataUrl(), acceptTerms: true } as never);
    const inv = await createInvoiceFromQuote(t.ctx, { quoteId: q.id, mode: "full" });
    expect(inv.lines.map((l) => l.description)).toEqual(["Install", "Chrome sockets", "USB-C sockets"]);
    expect(inv).toMatchObject({ kind: "STANDARD", quoteNumber: q.number, netPence: 19000, grossPence: 22800, status: "DRAFT" });
    await expect(createInvoiceFromQuote(t.ctx, { quoteId: q.id, mode: "full" })).rejects.toMatchObject({ status: 409 });
  });

  it("a deposit is split across the quote's VAT rates; the final invoice is the quote's lines less the deposit per rate", async () => {
    const t = await tenantWithAdmin();
    const { q, token } = await acceptedQuote(t, [
      { kind: "LABOUR", description: "Install heat pump", quantityMilli: 1000, unitPricePence: 100000, vatRateBps: 2000 },
      { kind: "MATERIALS", description: "Heat pump", quantityMilli: 1000, unitPricePence: 500000, vatRateBps: 0 },
    ]);
    await acceptQuoteByLink(anonymousContext(), token, { version: 1, choice: { options: {}, addons: [] }, signerName: "Robert Ainsley", signature: signatureDataUrl(), acceptTerms: true } as never);
    // accepted gross: 120000 + 500000 = 620000; 25% deposit = 155000 → 20% part 30000 (net 25000), 0% part 125000
    const dep = await createInvoiceFromQuote(t.ctx, { quoteId: q.id, mode: "deposit", depositBps: 2500 });
    expect(dep.kind).toBe("DEPOSIT");
    expect(dep.grossPence).toBe(155000);
    expect(dep.lines.map((l) => [l.vatRateBps, l.netPence])).toEqual([
      [2000, 25000],
      [0, 125000],
    ]);
    expect(dep.lines[0]!.description).toMatch(new RegExp(`^Deposit for ${q.number}`));
    await issueInvoice(t.ctx, dep.id);
    const fin = await createInvoiceFromQuote(t.ctx, { quoteId: q.id, mode: "full" });
    expect(fin.kind).toBe("FINAL");
    expect(fin.lines.map((l) => [l.kind, l.vatRateBps, l.netPence, l.vatPence])).toEqual([
      ["LABOUR", 2000, 100000, 20000],
      ["MATERIALS", 0, 500000, 0],
      ["FIXED", 2000, -25000, -5000],
      ["FIXED", 0, -125000, 0],
    ]);
    expect(fin.lines[2]!.description).toBe(`Less deposit invoiced on ${(await getInvoice(t.ctx, dep.id)).number} — items at 20% VAT`);
    expect(fin).toMatchObject({ netPence: 450000, vatPence: 15000, grossPence: 465000, payablePence: 465000 });
    expect(dep.grossPence + fin.grossPence).toBe(620000);
    await expect(createInvoiceFromQuote(t.ctx, { quoteId: q.id, mode: "deposit", depositPence: 1000 })).rejects.toMatchObject({ status: 409 });
  });

  it("CIS client (20%), labour + materials at 20%, 25% deposit: the deposit deducts no CIS, the FINAL deducts it on all the labour, and they add up to the quote's payable", async () => {
    const t = await tenantWithAdmin();
    const { c, q, token } = await acceptedQuote(
      t,
      [
        { kind: "LABOUR", description: "Rewire labour", quantityMilli: 1000, unitPricePence: 100000, vatRateBps: 2000 },
        { kind: "MATERIALS", description: "Cable and accessories", quantityMilli: 1000, unitPricePence: 50000, vatRateBps: 2000 },
      ],
      { name: "Mainline Build Ltd", email: "accounts@mainline.test", cisContractor: true, cisRateBps: 2000 },
    );
    await acceptQuoteByLink(anonymousContext(), token, { version: 1, choice: { options: {}, addons: [] }, signerName: "Dana Fox", signature: signatureDataUrl(), acceptTerms: true } as never);
    // By hand: net 150000, VAT 30000, gross 180000; CIS 20% of labour 100000 = 20000; payable 160000.
    // Deposit 25% of 180000 = 45000 → net 37500 + VAT 7500, one FIXED line: no CIS, payable 45000.
    const dep = await issueInvoice(t.ctx, (await createInvoiceFromQuote(t.ctx, { quoteId: q.id, mode: "deposit", depositBps: 2500 })).id);
    expect(dep).toMatchObject({ kind: "DEPOSIT", cisRateBps: 2000, netPence: 37500, vatPence: 7500, grossPence: 45000, cisDeductionPence: 0, payablePence: 45000 });
    // FINAL: 100000 labour + 50000 materials − 37500 deposit = net 112500; VAT 30000 − 7500 = 22500; gross 135000;
    // CIS on all the labour 20000 (the deposit had none); payable 115000.
    const fin = await issueInvoice(t.ctx, (await createInvoiceFromQuote(t.ctx, { quoteId: q.id, mode: "full" })).id);
    expect(fin).toMatchObject({ kind: "FINAL", netPence: 112500, vatPence: 22500, grossPence: 135000, cisDeductionPence: 20000, payablePence: 115000 });
    expect(fin.lines.map((l) => [l.kind, l.netPence])).toEqual([
      ["LABOUR", 100000],
      ["MATERIALS", 50000],
      ["FIXED", -37500],
    ]);
    expect(dep.payablePence + fin.payablePence).toBe(160000);
    const snap = (await db.invoice.findUniqueOrThrow({ where: { id: fin.id } })).snapshot as { totals: { cisDeductionPence: number; payablePence: number }; wording: string[] };
    expect(snap.totals).toMatchObject({ cisDeductionPence: 20000, payablePence: 115000 });
    expect(snap.wording.join(" ")).toMatch(/CIS/);

    // The same FINAL from the job made from the quote (after voiding the quote's FINAL).
    await voidInvoice(t.ctx, fin.id, "Invoiced from the job instead");
    const job = await db.job.create({ data: { companyId: t.company.id, number: "JOB-00009", clientId: c.id, quoteId: q.id, title: "Rewire", status: "COMPLETED" } });
    await db.jobBudgetLine.create({ data: { companyId: t.company.id, jobId: job.id, position: 0, kind: "LABOUR", description: "Rewire labour", quantityMilli: 1000, unitPricePence: 100000, vatRateBps: 2000, netPence: 100000 } });
    await db.jobBudgetLine.create({ data: { companyId: t.company.id, jobId: job.id, position: 1, kind: "MATERIALS", description: "Cable", quantityMilli: 1000, unitPricePence: 50000, vatRateBps: 2000, netPence: 50000 } });
    const fromJob = await createInvoiceFromJob(t.ctx, job.id);
    expect(fromJob).toMatchObject({ kind: "FINAL", grossPence: 135000, cisDeductionPence: 20000, payablePence: 115000 });
    // Editing the FINAL draft keeps its "Less deposit" line.
    const edited = await updateInvoice(t.ctx, fromJob.id, { lines: [{ ...labour(100000), discountBps: 0 }, { ...materials(60000), discountBps: 0 }] });
    expect(edited.lines.map((l) => l.netPence)).toEqual([100000, 60000, -37500]);
    expect(edited).toMatchObject({ grossPence: 147000, cisDeductionPence: 20000, payablePence: 127000 });
  });

  it("invoices a job's budget lines; issuing moves a COMPLETED job to INVOICED in the same transaction", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const job = await db.job.create({ data: { companyId: t.company.id, number: "JOB-00001", clientId: c.id, title: "Rewire", status: "COMPLETED" } });
    await db.jobBudgetLine.create({ data: { companyId: t.company.id, jobId: job.id, position: 0, kind: "LABOUR", description: "Rewire labour", quantityMilli: 2000, unitPricePence: 30000, vatRateBps: 2000, netPence: 60000 } });
    const inv = await createInvoiceFromJob(t.ctx, job.id);
    expect(inv).toMatchObject({ jobId: job.id, netPence: 60000, grossPence: 72000, title: "JOB-00001 Rewire" });
    await expect(createInvoiceFromJob(t.ctx, job.id)).rejects.toMatchObject({ status: 409 });
    await issueInvoice(t.ctx, inv.id);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("INVOICED");
    expect(await db.auditEvent.count({ where: { entityId: job.id, action: "job.invoiced" } })).toBe(1);
  });
});

describe("list and send", () => {
  it("filters by status, client and overdue, with a totals row over every page and a cursor", async () => {
    const t = await tenantWithAdmin();
    const a = await clientFor(t.company.id);
    const b = await clientFor(t.company.id, { name: "Other Ltd" });
    const old = await issueInvoice(t.ctx, (await draft(t.ctx, a.id)).id, new Date("2026-01-10T10:00:00Z")); // due 9 Feb: overdue
    await issued(t.ctx, a.id);
    await issued(t.ctx, b.id);
    await draft(t.ctx, b.id);
    const token = await createSession(t.user.id, t.company.id);
    const all = await call(listRoute.GET, { token, path: "/api/admin/invoices?limit=2" });
    expect(all.status).toBe(200);
    expect(all.json.items).toHaveLength(2);
    expect(all.json.nextCursor).not.toBeNull();
    expect(all.json.totals).toMatchObject({ count: 4, grossPence: 48000 });
    const next = await call(listRoute.GET, { token, path: `/api/admin/invoices?limit=2&cursor=${all.json.nextCursor}` });
    expect(next.json.items).toHaveLength(2);
    const overdue = await call(listRoute.GET, { token, path: "/api/admin/invoices?overdue=true" });
    expect(overdue.json.items.map((i: { id: string }) => i.id)).toEqual([old.id]);
    expect(overdue.json.items[0].overdue).toBe(true);
    expect(overdue.json.totals).toMatchObject({ count: 1, balancePence: 12000 });
    const byClient = await call(listRoute.GET, { token, path: `/api/admin/invoices?clientId=${b.id}&status=DRAFT` });
    expect(byClient.json.items).toHaveLength(1);
    expect(byClient.json.items[0]).toMatchObject({ status: "DRAFT", clientName: "Other Ltd" });
  });

  it("creates through the API from blank, and sends: PDF first, then the email with a /i/ link", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    await db.clientContact.create({ data: { companyId: t.company.id, clientId: c.id, name: "Pat Quinn", email: "pat@harbour.test", receivesInvoices: true } });
    await db.clientContact.create({ data: { companyId: t.company.id, clientId: c.id, name: "Site", email: "site@harbour.test", receivesInvoices: false } });
    const token = await createSession(t.user.id, t.company.id);
    const created = await call(listRoute.POST, { token, headers: ORIGIN, body: { source: "blank", clientId: c.id, title: "Call-out", lines: [labour(8000)] } });
    expect(created.status).toBe(201);
    const early = await call(sendRoute.POST, { token, headers: ORIGIN, params: { id: created.json.id } });
    expect(early.status).toBe(409);
    expect((await call(issueRoute.POST, { token, headers: ORIGIN, params: { id: created.json.id } })).status).toBe(200);
    const sent = await call(sendRoute.POST, { token, headers: ORIGIN, params: { id: created.json.id } });
    expect(sent.status).toBe(200);
    expect(sent.json.sentAt).not.toBeNull();
    const m = await db.outboxMessage.findFirstOrThrow({ where: { companyId: t.company.id, idempotencyKey: { startsWith: `pdf:invoice-send:${created.json.id}` } } });
    const email = (m.payload as { thenEmail: { payload: { to: string[]; template: string; sealedProps: string } } }).thenEmail.payload;
    expect(email.to).toEqual(["pat@harbour.test"]);
    expect(email.template).toBe("invoice.sent");
    const { url } = JSON.parse(openSecret(email.sealedProps, SEALED_PROPS_PURPOSE)) as { url: string };
    const linkToken = url.split("/i/")[1]!;
    const view = await viewInvoiceByLink(linkToken);
    expect(view).toMatchObject({ status: "ISSUED", balancePence: 9600, snapshot: { number: "INV-00001" } });
  });
});

describe("the invoice link", () => {
  it("unknown, malformed and revoked tokens all give nothing; the PDF route gives the same 404", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const inv = await issued(t.ctx, c.id);
    const good = await t.ctx.db.$transaction((tx) => createInvoiceLink(tx, t.ctx, inv.id));
    await db.invoiceLink.updateMany({ where: { invoiceId: inv.id }, data: { revokedAt: new Date() } });
    expect(await viewInvoiceByLink(good)).toBeNull();
    expect(await viewInvoiceByLink("x".repeat(43))).toBeNull();
    expect(await viewInvoiceByLink("short")).toBeNull();
    const revoked = await call(linkPdfRoute.GET, { params: { token: good } });
    const unknown = await call(linkPdfRoute.GET, { params: { token: "y".repeat(43) } });
    expect(revoked.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(revoked.json).toEqual(unknown.json);
  });
});

describe("tenancy and roles", () => {
  it("answers another company's invoice or payment on every route with the same 404 as a missing id", async () => {
    const mine = await tenantWithAdmin();
    const theirs = await tenantWithAdmin();
    const c = await clientFor(theirs.company.id);
    const inv = await issued(theirs.ctx, c.id);
    const pay = await theirs.ctx.db.$transaction((tx) => applyPayment(tx, theirs.ctx, { invoiceId: inv.id, method: "CASH", amountPence: 100, receivedOn: "2026-11-21" }));
    const token = await createSession(mine.user.id, mine.company.id);
    const missing = "0190a0a0-0000-7000-8000-000000000000";
    const cases = [
      { h: oneRoute.GET, body: undefined },
      { h: oneRoute.PATCH, body: { title: "x" } },
      { h: issueRoute.POST, body: undefined },
      { h: sendRoute.POST, body: undefined },
      { h: voidRoute.POST, body: { reason: "Nope nope" } },
      { h: paymentsRoute.POST, body: { method: "CASH", amountPence: 1, receivedOn: "2026-11-21" } },
      { h: creditRoute.POST, body: { reason: "Nope nope", lines: [{ description: "x", netPence: 1, vatRateBps: 0 }] } },
    ];
    for (const { h, body } of cases) {
      const foreign = await call(h, { token, headers: ORIGIN, params: { id: inv.id }, body });
      const none = await call(h, { token, headers: ORIGIN, params: { id: missing }, body });
      expect(foreign.status, `${h.operation.method} ${h.operation.path}`).toBe(404);
      expect(foreign.json).toEqual(none.json);
    }
    for (const { h, body } of [{ h: paymentRoute.GET, body: undefined }, { h: refundRoute.POST, body: { amountPence: 1 } }]) {
      const foreign = await call(h, { token, headers: ORIGIN, params: { id: pay.payment.id }, body });
      const none = await call(h, { token, headers: ORIGIN, params: { id: missing }, body });
      expect(foreign.status, `${h.operation.method} ${h.operation.path}`).toBe(404);
      expect(foreign.json).toEqual(none.json);
    }
    const list = await call(listRoute.GET, { token });
    expect(list.json.items).toEqual([]);
    const payments = await call(paymentListRoute.GET, { token });
    expect(payments.json.items).toEqual([]);
    const crossCreate = await call(listRoute.POST, { token, headers: ORIGIN, body: { source: "blank", clientId: c.id, title: "x", lines: [] } });
    expect(crossCreate.status).toBe(422);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({ status: "PART_PAID", paidPence: 100 });
  });

  it("office can record payments; an engineer gets 403 on invoices and payments", async () => {
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const inv = await issued(t.ctx, c.id);
    const office = await createUser({ companyId: t.company.id, role: "OFFICE" });
    const engineer = await createUser({ companyId: t.company.id, role: "ENGINEER" });
    const officeToken = await createSession(office.id, t.company.id);
    const engToken = await createSession(engineer.id, t.company.id);
    expect((await call(paymentsRoute.POST, { token: officeToken, headers: ORIGIN, params: { id: inv.id }, body: { method: "CASH", amountPence: 100, receivedOn: "2026-11-21" } })).status).toBe(201);
    expect((await call(listRoute.GET, { token: engToken })).status).toBe(403);
    expect((await call(oneRoute.GET, { token: engToken, params: { id: inv.id } })).status).toBe(403);
    expect((await call(paymentsRoute.POST, { token: engToken, headers: ORIGIN, params: { id: inv.id }, body: { method: "CASH", amountPence: 100, receivedOn: "2026-11-21" } })).status).toBe(403);
    expect((await call(paymentListRoute.GET, { token: engToken })).status).toBe(403);
    expect((await getInvoice(t.ctx, inv.id)).paidPence).toBe(100);
  });
});

describe("PDFs", () => {
  it("renders the queued invoice and credit note documents from their outbox payloads", async () => {
    const { renderPdfDocument } = await import("@/server/pdf/render.ts");
    const t = await tenantWithAdmin();
    await db.company.update({ where: { id: t.company.id }, data: { vatNumber: "GB123456789", bankAccountName: "Sparks Ltd", bankSortCode: "112233", bankAccountNumber: "12345678" } });
    const c = await clientFor(t.company.id, { vatRegistered: true, vatNumber: "GB987654321", cisContractor: true, cisRateBps: 2000 });
    const inv = await issued(t.ctx, c.id, [labour(10000), materials(5000, 0), { ...materials(1000, null), description: "Exempt item" }]);
    await createCreditNote(t.ctx, inv.id, { reason: "Goodwill", mode: "partial", lines: [{ description: "Goodwill", netPence: 1000, vatRateBps: 2000, kind: "LABOUR" }] });
    const branding = { companyName: "Sparks", brandColor: "#1d4ed8", addressLines: [] };
    const invMsg = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `pdf:invoice:${inv.id}` } });
    const p = invMsg.payload as { document: string; props: { bank: { sortCode: string }; wording: string[]; reverseCharge: boolean } };
    expect(p.props.bank.sortCode).toBe("11-22-33");
    expect(p.props.reverseCharge).toBe(true);
    expect(p.props.wording.join(" ")).toMatch(/Reverse charge.*CIS/);
    const pdf = await renderPdfDocument(p.document, p.props, branding);
    expect(pdf.fileName).toBe("invoice-inv-00001.pdf");
    expect(pdf.content.subarray(0, 5).toString()).toBe("%PDF-");
    const cnMsg = await db.outboxMessage.findFirstOrThrow({ where: { companyId: t.company.id, idempotencyKey: { startsWith: "pdf:credit-note:" } } });
    const cp = cnMsg.payload as { document: string; props: unknown };
    const cn = await renderPdfDocument(cp.document, cp.props, branding);
    expect(cn.fileName).toBe("credit-note-cn-00001.pdf");
  }, 30_000);
});

describe("bank details in company settings", () => {
  it("stores the sort code and account number as digits, refuses malformed ones, and prints them on the next issued invoice", async () => {
    const { companySettingsInput } = await import("@/modules/company/company.schema.ts");
    const { updateCompanySettings } = await import("@/modules/company/company.service.ts");
    const t = await tenantWithAdmin();
    expect(companySettingsInput.safeParse({ bankSortCode: "12-34-5" }).success).toBe(false);
    expect(companySettingsInput.safeParse({ bankAccountNumber: "1234567" }).success).toBe(false);
    const saved = await updateCompanySettings(t.ctx, companySettingsInput.parse({ bankAccountName: "Sparks Ltd", bankSortCode: "12-34-56", bankAccountNumber: "1234 5678" }));
    expect(saved).toMatchObject({ bankAccountName: "Sparks Ltd", bankSortCode: "123456", bankAccountNumber: "12345678" });
    const c = await clientFor(t.company.id);
    const inv = await issued(t.ctx, c.id);
    const token = await t.ctx.db.$transaction((tx) => createInvoiceLink(tx, t.ctx, inv.id));
    const view = await viewInvoiceByLink(token);
    expect(view?.snapshot.bank).toEqual({ accountName: "Sparks Ltd", sortCode: "123456", accountNumber: "12345678" });
  });
});

describe("client VAT and CIS status", () => {
  it("is edited through the clients API (audited) and drives the next invoice's reverse charge and CIS", async () => {
    const clientRoute = await import("../../app/api/admin/clients/[id]/route.ts");
    const t = await tenantWithAdmin();
    await db.company.update({ where: { id: t.company.id }, data: { vatNumber: "GB123456789" } });
    const c = await clientFor(t.company.id);
    const token = await createSession(t.user.id, t.company.id);
    const bad = await call(clientRoute.PATCH, { token, headers: ORIGIN, params: { id: c.id }, body: { cisRateBps: "1500" } });
    expect(bad.status).toBe(400);
    const res = await call(clientRoute.PATCH, { token, headers: ORIGIN, params: { id: c.id }, body: { vatRegistered: "true", vatNumber: "gb 987 6543 21", cisContractor: "true", cisRateBps: "3000", reverseChargeEndUser: "false" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ vatRegistered: true, vatNumber: "GB987654321", cisContractor: true, cisRateBps: 3000, reverseChargeEndUser: false });
    expect(await db.auditEvent.count({ where: { entityId: c.id, action: "client.updated" } })).toBe(1);
    const inv = await issued(t.ctx, c.id, [labour(10000), materials(10000)]);
    expect(inv).toMatchObject({ reverseCharge: true, cisRateBps: 3000, cisDeductionPence: 3000, payablePence: 17000 });
  });
});

describe("client timeline", () => {
  it("shows invoices issued, paid, credited and voided on the client's timeline (only with invoices.view)", async () => {
    const { clientTimeline } = await import("@/modules/clients/client-timeline.ts");
    const t = await tenantWithAdmin();
    const c = await clientFor(t.company.id);
    const a = await issued(t.ctx, c.id);
    await t.ctx.db.$transaction((tx) => applyPayment(tx, t.ctx, { invoiceId: a.id, method: "CASH", amountPence: 6000, receivedOn: "2026-11-21" }));
    await createCreditNote(t.ctx, a.id, { reason: "Goodwill gesture", mode: "partial", lines: [{ description: "Goodwill", netPence: 5000, vatRateBps: 2000 }] });
    const b = await issued(t.ctx, c.id);
    await voidInvoice(t.ctx, b.id, "Raised in error");
    const entries = await clientTimeline(t.ctx, c.id);
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([`invoice-issued:${a.id}`, `invoice-paid:${a.id}`, `invoice-issued:${b.id}`, `invoice-voided:${b.id}`]));
    expect(entries.find((e) => e.id.startsWith("credit-note:"))).toMatchObject({ kind: "item", body: "Goodwill gesture" });
    const engineerLike = { ...t.ctx, capabilities: new Set([...t.ctx.capabilities].filter((x) => x !== "invoices.view")) } as TenantContext;
    expect((await clientTimeline(engineerLike, c.id)).some((e) => e.id.startsWith("invoice-"))).toBe(false);
  });
});
