/** Money reports on known data: A/R aging as of a date, VAT by quarter (accrual and cash), revenue and collection rate; CSV; tenancy and roles. */
import { beforeAll, describe, expect, it } from "vitest";
import { createCreditNote } from "@/modules/invoices/credit-notes.service.ts";
import { applyPayment, applyRefund } from "@/modules/invoices/payments.service.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { createBillingClient, issuedInvoice } from "../support/billing.ts";
import { createSession, createUser, tenantWithAdmin } from "../support/factories.ts";
import { call } from "../support/http.ts";

const agingRoute = await import("../../app/api/admin/reports/aging/route.ts");
const vatRoute = await import("../../app/api/admin/reports/vat/route.ts");
const revenueRoute = await import("../../app/api/admin/reports/revenue/route.ts");
const settingsRoute = await import("../../app/api/admin/settings/payments/route.ts");
const origin = { origin: "http://localhost:3000" };

const noon = (d: string) => new Date(`${d}T12:00:00Z`);
let t: Awaited<ReturnType<typeof tenantWithAdmin>>;
let token: string;
let inv: Record<string, string> = {};

beforeAll(async () => {
  t = await tenantWithAdmin();
  token = await createSession(t.user.id, t.company.id);
  const evil = await createBillingClient(t.company.id, { name: "=cmd|' /C calc'!A0", kind: "ORGANISATION" });
  const plain = await createBillingClient(t.company.id, { name: "Harbour Lettings" });
  const pay = (invoiceId: string, amountPence: number, receivedOn: string) =>
    t.ctx.db.$transaction((tx) => applyPayment(tx, t.ctx, { invoiceId, method: "BANK_TRANSFER", amountPence, receivedOn }));
  const i1 = await issuedInvoice(t.ctx, evil.id, 10_000, noon("2026-01-10")); // £120, due 2026-02-09
  await pay(i1.id, 5000, "2026-02-01");
  const i2 = await issuedInvoice(t.ctx, plain.id, 0, noon("2026-02-15"), [
    { netPence: 10_000, vatRateBps: 2000 },
    { netPence: 20_000, vatRateBps: 500 },
  ]); // £330, due 2026-03-17
  await createCreditNote(t.ctx, i2.id, { reason: "Socket not fitted", mode: "partial", lines: [{ description: "Socket", netPence: 5000, vatRateBps: 2000 }] }, noon("2026-04-02"));
  const i3 = await issuedInvoice(t.ctx, plain.id, 0, noon("2026-04-20"), [{ netPence: 50_000, vatRateBps: 0 }]); // £500 zero-rated, due 2026-05-20
  await pay(i3.id, 50_000, "2026-05-01");
  inv = { i1: i1.id, i2: i2.id, i3: i3.id };
  // Another company's money must never show up.
  const other = await tenantWithAdmin();
  const oc = await createBillingClient(other.company.id);
  const o1 = await issuedInvoice(other.ctx, oc.id, 99_900, noon("2026-02-01"));
  await other.ctx.db.$transaction((tx) => applyPayment(tx, other.ctx, { invoiceId: o1.id, method: "CASH", amountPence: 1000, receivedOn: "2026-02-02" }));
});

const get = (route: typeof agingRoute, path: string, tk = token) => call(route.GET, { path, token: tk });

describe("A/R aging", () => {
  it("buckets what was owed at a date: payments, refunds and credit notes up to then", async () => {
    const march = await get(agingRoute, "/api/admin/reports/aging?asOf=2026-03-20");
    expect(march.status).toBe(200);
    expect(march.json.totals).toEqual({ current: 0, "1-30": 33_000, "31-60": 7000, "61-90": 0, "90+": 0, total: 40_000 });
    const april = await get(agingRoute, "/api/admin/reports/aging?asOf=2026-04-25");
    expect(april.json.totals).toEqual({ current: 50_000, "1-30": 0, "31-60": 27_000, "61-90": 7000, "90+": 0, total: 84_000 });
    expect(april.json.invoices.map((i: { invoiceId: string; bucket: string; balancePence: number; daysOverdue: number }) => [i.invoiceId, i.bucket, i.balancePence, i.daysOverdue])).toEqual([
      [inv.i1, "61-90", 7000, 75],
      [inv.i2, "31-60", 27_000, 39],
      [inv.i3, "current", 50_000, 0],
    ]);
    expect(april.json.clients.map((c: { clientName: string; total: number }) => [c.clientName, c.total])).toEqual([
      ["Harbour Lettings", 77_000],
      ["=cmd|' /C calc'!A0", 7000],
    ]);
    // Before the first payment arrived, the whole first invoice was owed and not yet due.
    const jan = await get(agingRoute, "/api/admin/reports/aging?asOf=2026-01-31");
    expect(jan.json.totals).toMatchObject({ current: 12_000, total: 12_000 });
    // Paid in full: gone from the report.
    const june = await get(agingRoute, "/api/admin/reports/aging?asOf=2026-06-30");
    expect(june.json.invoices.map((i: { invoiceId: string }) => i.invoiceId)).toEqual([inv.i1, inv.i2]);
  });

  it("exports CSV with formula-looking cells neutralised", async () => {
    const res = await get(agingRoute, "/api/admin/reports/aging?asOf=2026-04-25&format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="aging-2026-04-25.csv"');
    const lines = res.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Client,Current (GBP),1–30 days (GBP),31–60 days (GBP),61–90 days (GBP),Over 90 days (GBP),Total (GBP),Invoices");
    expect(lines).toContain("Harbour Lettings,500.00,0.00,270.00,0.00,0.00,770.00,2");
    expect(lines).toContain("'=cmd|' /C calc'!A0,0.00,0.00,0.00,70.00,0.00,70.00,1");
    expect(lines).toContain("Total,500.00,0.00,270.00,70.00,0.00,840.00,3");
  });
});

describe("A/R aging reads only what can be owed", () => {
  it("many invoices paid before the date don't change it; settled after the date still counts, refunded after it counts from then", async () => {
    const u = await tenantWithAdmin();
    const s = await createSession(u.user.id, u.company.id);
    const cl = await createBillingClient(u.company.id, { name: "Quayside Builders", kind: "ORGANISATION" });
    const pay = (invoiceId: string, amountPence: number, receivedOn: string) =>
      u.ctx.db.$transaction((tx) => applyPayment(tx, u.ctx, { invoiceId, method: "BANK_TRANSFER", amountPence, receivedOn }));
    const open = await issuedInvoice(u.ctx, cl.id, 10_000, noon("2026-03-01")); // £120, part-paid before the date
    await pay(open.id, 2000, "2026-03-10");
    const paidLater = await issuedInvoice(u.ctx, cl.id, 20_000, noon("2026-03-02")); // £240, paid in full after the date: PAID now
    await pay(paidLater.id, 24_000, "2026-04-10");
    const creditedLater = await issuedInvoice(u.ctx, cl.id, 5000, noon("2026-03-03")); // £60, fully credited after the date: PAID now
    await createCreditNote(u.ctx, creditedLater.id, { reason: "Job cancelled", mode: "full", lines: [] }, noon("2026-04-05"));
    const refundedLater = await issuedInvoice(u.ctx, cl.id, 2500, noon("2026-02-01")); // £30, paid before the date, £10 refunded after it
    const { payment } = await pay(refundedLater.id, 3000, "2026-02-15");
    await u.ctx.db.$transaction((tx) => applyRefund(tx, u.ctx, { paymentId: payment.id, amountPence: 1000, refundedOn: "2026-04-20" }));
    const states = await u.ctx.db.invoice.findMany({ where: { id: { in: [open.id, paidLater.id, creditedLater.id, refundedLater.id] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(states.map((x) => [x.id, x.status]))).toEqual({ [open.id]: "PART_PAID", [paidLater.id]: "PAID", [creditedLater.id]: "PAID", [refundedLater.id]: "PART_PAID" });

    const report = async (asOf: string) => (await get(agingRoute, `/api/admin/reports/aging?asOf=${asOf}`, s)).json;
    const owed = (r: { invoices: { invoiceId: string; balancePence: number }[] }) => r.invoices.map((i) => [i.invoiceId, i.balancePence]);
    const march = await report("2026-03-31");
    expect(owed(march)).toEqual([
      [open.id, 10_000],
      [paidLater.id, 24_000],
      [creditedLater.id, 6000],
    ]);
    const april = await report("2026-04-30");
    expect(owed(april)).toEqual([
      [refundedLater.id, 1000],
      [open.id, 10_000],
    ]);
    const now = await report("2027-01-31");

    // Forty invoices issued and paid in full before the date: the same report, to the penny.
    for (let k = 0; k < 40; k++) {
      const done = await issuedInvoice(u.ctx, cl.id, 1000 + k, noon(`2026-01-${String((k % 28) + 1).padStart(2, "0")}`));
      await pay(done.id, done.payablePence, "2026-02-20");
    }
    expect(await u.ctx.db.invoice.count({ where: { status: "PAID" } })).toBe(42);
    expect(await report("2026-03-31")).toEqual(march);
    expect(await report("2026-04-30")).toEqual(april);
    expect(await report("2027-01-31")).toEqual(now);
    // …while on a date before they were paid they are owed, so the date really is honoured.
    const january = await report("2026-01-31");
    expect(january.invoices).toHaveLength(40);
    expect(january.totals.total).toBe(Array.from({ length: 40 }, (_, k) => Math.round((1000 + k) * 1.2)).reduce((a, b) => a + b, 0));
  });
});

describe("VAT summary", () => {
  it("accrual basis: net and VAT by rate per quarter, credit notes in the quarter they were issued", async () => {
    const res = await get(vatRoute, "/api/admin/reports/vat?from=2026-01-01&to=2026-06-30");
    expect(res.status).toBe(200);
    expect([res.json.basis, res.json.stagger]).toEqual(["ACCRUAL", 1]);
    expect(res.json.quarters).toEqual([
      {
        quarter: "2026-Q1",
        label: "Jan–Mar 2026",
        from: "2026-01-01",
        to: "2026-03-31",
        rates: [
          { rateKey: "2000", label: "20%", netPence: 20_000, vatPence: 4000 },
          { rateKey: "500", label: "5%", netPence: 20_000, vatPence: 1000 },
        ],
        netPence: 40_000,
        vatPence: 5000,
      },
      {
        quarter: "2026-Q2",
        label: "Apr–Jun 2026",
        from: "2026-04-01",
        to: "2026-06-30",
        rates: [
          { rateKey: "2000", label: "20%", netPence: -5000, vatPence: -1000 },
          { rateKey: "0", label: "0%", netPence: 50_000, vatPence: 0 },
        ],
        netPence: 45_000,
        vatPence: -1000,
      },
    ]);
  });

  it("cash basis: VAT when the money arrives, in proportion to what each payment settles", async () => {
    await unsafeUnscopedDb().company.update({ where: { id: t.company.id }, data: { vatAccountingBasis: "CASH" } });
    try {
      const res = await get(vatRoute, "/api/admin/reports/vat?from=2026-01-01&to=2026-06-30");
      expect(res.json.basis).toBe("CASH");
      expect(res.json.quarters.map((q: { quarter: string; rates: unknown[] }) => [q.quarter, q.rates])).toEqual([
        ["2026-Q1", [{ rateKey: "2000", label: "20%", netPence: 4167, vatPence: 833 }]],
        ["2026-Q2", [{ rateKey: "0", label: "0%", netPence: 50_000, vatPence: 0 }]],
      ]);
      const csv = await get(vatRoute, "/api/admin/reports/vat?from=2026-01-01&to=2026-06-30&format=csv");
      expect(csv.text).toContain("Jan–Mar 2026,20%,41.67,8.33,cash");
    } finally {
      await unsafeUnscopedDb().company.update({ where: { id: t.company.id }, data: { vatAccountingBasis: "ACCRUAL" } });
    }
  });

  it("stagger 2 (quarters ending Apr/Jul/Oct/Jan), set in settings: whole quarters, Nov–Jan across the year end", async () => {
    const bad = await call(settingsRoute.PATCH, { token, headers: origin, body: { vatStagger: 4 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.vatStagger).toMatch(/VAT quarters/);
    const set = await call(settingsRoute.PATCH, { token, headers: origin, body: { vatStagger: "2" } });
    expect(set.status).toBe(200);
    expect(set.json.vatStagger).toBe(2);
    const ev = await unsafeUnscopedDb().auditEvent.findFirstOrThrow({ where: { companyId: t.company.id, action: "company.payment_settings_updated" }, orderBy: { createdAt: "desc" } });
    expect([ev.before, ev.after]).toEqual([{ vatStagger: 1 }, { vatStagger: 2 }]);
    try {
      // Mid-quarter dates widen to whole quarters: 15 Jan → from 1 Nov 2025 (so the 10 Jan invoice counts), 10 May → to 31 Jul.
      const res = await get(vatRoute, "/api/admin/reports/vat?from=2026-01-15&to=2026-05-10");
      expect(res.status).toBe(200);
      expect([res.json.from, res.json.to, res.json.stagger, res.json.basis]).toEqual(["2025-11-01", "2026-07-31", 2, "ACCRUAL"]);
      expect(res.json.quarters).toEqual([
        {
          quarter: "2025-11/2026-01",
          label: "Nov 2025–Jan 2026",
          from: "2025-11-01",
          to: "2026-01-31",
          rates: [{ rateKey: "2000", label: "20%", netPence: 10_000, vatPence: 2000 }],
          netPence: 10_000,
          vatPence: 2000,
        },
        {
          quarter: "2026-02/2026-04",
          label: "Feb–Apr 2026",
          from: "2026-02-01",
          to: "2026-04-30",
          rates: [
            { rateKey: "2000", label: "20%", netPence: 5000, vatPence: 1000 },
            { rateKey: "500", label: "5%", netPence: 20_000, vatPence: 1000 },
            { rateKey: "0", label: "0%", netPence: 50_000, vatPence: 0 },
          ],
          netPence: 75_000,
          vatPence: 2000,
        },
        { quarter: "2026-05/2026-07", label: "May–Jul 2026", from: "2026-05-01", to: "2026-07-31", rates: [], netPence: 0, vatPence: 0 },
      ]);
      const csv = await get(vatRoute, "/api/admin/reports/vat?from=2026-01-15&to=2026-05-10&format=csv");
      expect(csv.headers.get("content-disposition")).toBe('attachment; filename="vat-2025-11-01-to-2026-07-31.csv"');
      expect(csv.text).toContain("Nov 2025–Jan 2026,20%,100.00,20.00,accrual");
      expect(csv.text).toContain("Feb–Apr 2026,Total,750.00,20.00,accrual");
      // Cash basis follows the same quarters: the 1 Feb part payment falls in Feb–Apr, the 1 May payment in May–Jul.
      await unsafeUnscopedDb().company.update({ where: { id: t.company.id }, data: { vatAccountingBasis: "CASH" } });
      const cash = await get(vatRoute, "/api/admin/reports/vat?from=2026-01-15&to=2026-05-10");
      expect(cash.json.quarters.map((q: { label: string; rates: unknown[] }) => [q.label, q.rates])).toEqual([
        ["Nov 2025–Jan 2026", []],
        ["Feb–Apr 2026", [{ rateKey: "2000", label: "20%", netPence: 4167, vatPence: 833 }]],
        ["May–Jul 2026", [{ rateKey: "0", label: "0%", netPence: 50_000, vatPence: 0 }]],
      ]);
    } finally {
      await unsafeUnscopedDb().company.update({ where: { id: t.company.id }, data: { vatAccountingBasis: "ACCRUAL", vatStagger: 1 } });
    }
  });

  it("refuses a backwards range with a field message", async () => {
    const res = await get(vatRoute, "/api/admin/reports/vat?from=2026-06-30&to=2026-01-01");
    expect(res.status).toBe(400);
    expect(res.json.error.fields.from).toMatch(/on or before/);
  });
});

describe("Revenue", () => {
  it("invoiced (after credit notes) vs collected per month, with the collection rate", async () => {
    const res = await get(revenueRoute, "/api/admin/reports/revenue?from=2026-01-01&to=2026-05-31&period=month");
    expect(res.status).toBe(200);
    expect(res.json.rows.map((r: { period: string; invoicedPence: number; collectedPence: number; collectionRateBps: number | null }) => [r.period, r.invoicedPence, r.collectedPence, r.collectionRateBps])).toEqual([
      ["2026-01", 12_000, 0, 0],
      ["2026-02", 33_000, 5000, 1515],
      ["2026-03", 0, 0, null],
      ["2026-04", 44_000, 0, 0],
      ["2026-05", 0, 50_000, null],
    ]);
    expect(res.json.totals).toEqual({ invoicedPence: 89_000, collectedPence: 55_000, collectionRateBps: 6180 });
  });

  it("by quarter and by year", async () => {
    const q = await get(revenueRoute, "/api/admin/reports/revenue?from=2026-01-01&to=2026-06-30&period=quarter");
    expect(q.json.rows.map((r: { label: string; invoicedPence: number; collectedPence: number }) => [r.label, r.invoicedPence, r.collectedPence])).toEqual([
      ["Jan–Mar 2026", 45_000, 5000],
      ["Apr–Jun 2026", 44_000, 50_000],
    ]);
    const y = await get(revenueRoute, "/api/admin/reports/revenue?from=2026-01-01&to=2026-12-31&period=year");
    expect(y.json.rows).toEqual([{ period: "2026", label: "2026", invoicedPence: 89_000, collectedPence: 55_000, collectionRateBps: 6180 }]);
  });
});

describe("Reports access", () => {
  it("office staff may read them; engineers and clients may not; anonymous is 401", async () => {
    const office = await createUser({ companyId: t.company.id, role: "OFFICE" });
    expect((await get(revenueRoute, "/api/admin/reports/revenue", await createSession(office.id, t.company.id))).status).toBe(200);
    for (const role of ["ENGINEER", "CLIENT"] as const) {
      const u = await createUser({ companyId: t.company.id, role });
      const s = await createSession(u.id, t.company.id);
      for (const [route, path] of [
        [agingRoute, "/api/admin/reports/aging"],
        [vatRoute, "/api/admin/reports/vat"],
        [revenueRoute, "/api/admin/reports/revenue"],
      ] as const) {
        expect((await get(route, path, s)).status).toBe(403);
      }
    }
    expect((await call(agingRoute.GET, { path: "/api/admin/reports/aging" })).status).toBe(401);
  });

  it("another company's reports hold only its own money", async () => {
    const other = await tenantWithAdmin();
    const s = await createSession(other.user.id, other.company.id);
    const aging = await get(agingRoute, "/api/admin/reports/aging?asOf=2026-04-25", s);
    expect(aging.json.totals.total).toBe(0);
    const revenue = await get(revenueRoute, "/api/admin/reports/revenue?from=2026-01-01&to=2026-05-31", s);
    expect(revenue.json.totals).toEqual({ invoicedPence: 0, collectedPence: 0, collectionRateBps: null });
    const vat = await get(vatRoute, "/api/admin/reports/vat?from=2026-01-01&to=2026-06-30", s);
    expect(vat.json.quarters.every((q: { rates: unknown[] }) => q.rates.length === 0)).toBe(true);
  });
});
