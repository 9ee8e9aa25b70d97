/**
 * Money reports for the office: A/R aging, VAT summary per UK VAT quarter (accrual or cash basis
 * per the company's setting), revenue by month/quarter/year (invoiced vs collected). Each as JSON
 * for the page and the API, and as a formula-injection-safe CSV.
 */
import { todayIn } from "@/modules/invoices/invoices.service.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import { toCsv } from "@/server/csv/csv.ts";
import { notFound } from "@/server/errors/errors.ts";
import { accrualVatRows, agingRows, cashMovements, invoiceRateTotals, revenueMovements } from "./reports.repo.ts";
import {
  AGING_BUCKETS,
  AGING_LABELS,
  agingBucket,
  apportionPayment,
  collectionRateBps,
  daysBetween,
  periodKey,
  periodLabel,
  periodsBetween,
  isVatStagger,
  vatQuarter,
  vatQuartersBetween,
  vatRateKey,
  vatRateLabel,
  type AgingBucket,
  type VatStagger,
} from "./reports-math.ts";
import type { AgingQuery, AgingReport, RevenueQuery, RevenueReport, VatQuery, VatReport } from "./reports.schema.ts";

async function company(ctx: TenantContext) {
  const c = await ctx.db.company.findUnique({ where: { id: ctx.companyId }, select: { timeZone: true } });
  if (!c) throw notFound();
  return c;
}

async function vatSettings(ctx: TenantContext) {
  const c = await ctx.db.company.findUnique({ where: { id: ctx.companyId }, select: { timeZone: true, vatAccountingBasis: true, vatStagger: true } });
  if (!c) throw notFound();
  return { ...c, vatStagger: isVatStagger(c.vatStagger) ? c.vatStagger : 1 };
}

function shiftMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Default window: the last twelve whole months up to today. */
function defaultRange(today: string, q: { from?: string; to?: string }) {
  const to = q.to ?? today;
  const from = q.from ?? shiftMonths(`${to.slice(0, 7)}-01`, -11);
  return { from, to };
}

/** Whole VAT quarters of the company's stagger: the chosen dates widened to their quarters; by default the last four up to the current one. */
function vatRange(today: string, q: { from?: string; to?: string }, stagger: VatStagger) {
  const to = vatQuarter(q.to ?? today, stagger).to;
  const from = vatQuarter(q.from ?? shiftMonths(to, -9), stagger).from;
  return { from, to };
}

export async function agingReport(ctx: TenantContext, q: AgingQuery): Promise<AgingReport> {
  assertCan(ctx, "reports.view");
  const c = await company(ctx);
  const asOf = q.asOf ?? todayIn(c.timeZone);
  const rows = await agingRows(ctx.db, ctx.companyId, asOf);
  const zero = () => Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number>;
  const totals = { ...zero(), total: 0 };
  const byClient = new Map<string, Record<AgingBucket, number> & { clientId: string; clientName: string; total: number; invoices: number }>();
  const invoices = rows.map((r) => {
    const bucket = agingBucket(r.dueDate, asOf);
    totals[bucket] += r.balancePence;
    totals.total += r.balancePence;
    const cl = byClient.get(r.clientId) ?? { ...zero(), clientId: r.clientId, clientName: r.clientName, total: 0, invoices: 0 };
    cl[bucket] += r.balancePence;
    cl.total += r.balancePence;
    cl.invoices += 1;
    byClient.set(r.clientId, cl);
    return { invoiceId: r.invoiceId, number: r.number, clientName: r.clientName, dueDate: r.dueDate, daysOverdue: r.dueDate ? Math.max(0, daysBetween(r.dueDate, asOf)) : 0, bucket, balancePence: r.balancePence };
  });
  const clients = [...byClient.values()].sort((a, b) => b.total - a.total || a.clientName.localeCompare(b.clientName));
  return { asOf, totals, clients, invoices };
}

export async function vatReport(ctx: TenantContext, q: VatQuery): Promise<VatReport> {
  assertCan(ctx, "reports.view");
  const c = await vatSettings(ctx);
  const { from, to } = vatRange(todayIn(c.timeZone), q, c.vatStagger);
  const sums = new Map<string, Map<string, { netPence: number; vatPence: number }>>();
  const add = (date: string, rateKey: string, net: number, vat: number) => {
    const quarter = vatQuarter(date, c.vatStagger).key;
    const rates = sums.get(quarter) ?? new Map();
    const cur = rates.get(rateKey) ?? { netPence: 0, vatPence: 0 };
    rates.set(rateKey, { netPence: cur.netPence + net, vatPence: cur.vatPence + vat });
    sums.set(quarter, rates);
  };
  if (c.vatAccountingBasis === "CASH") {
    const moves = await cashMovements(ctx.db, ctx.companyId, from, to);
    const rates = await invoiceRateTotals(ctx.db, ctx.companyId, [...new Set(moves.map((m) => m.invoiceId))]);
    for (const m of moves) {
      const own = rates.filter((r) => r.invoiceId === m.invoiceId).map((r) => ({ rateKey: vatRateKey(r.rateBps, m.reverseCharge), netPence: r.netPence, vatPence: m.reverseCharge ? 0 : r.vatPence }));
      for (const part of apportionPayment(m.settledPence, m.payablePence, own)) add(m.date, part.rateKey, part.netPence, part.vatPence);
    }
  } else {
    for (const r of await accrualVatRows(ctx.db, ctx.companyId, from, to)) add(r.date, vatRateKey(r.rateBps, r.reverseCharge), r.netPence, r.reverseCharge ? 0 : r.vatPence);
  }
  const order = (k: string) => (k === "reverse-charge" ? -2 : k === "exempt" ? -1 : Number(k));
  const quarters = vatQuartersBetween(from, to, c.vatStagger).map((vq) => {
    const rates = [...(sums.get(vq.key) ?? new Map<string, { netPence: number; vatPence: number }>()).entries()]
      .sort(([a], [b]) => order(b) - order(a))
      .map(([rateKey, v]) => ({ rateKey, label: vatRateLabel(rateKey), ...v }));
    return { quarter: vq.key, label: vq.label, from: vq.from, to: vq.to, rates, netPence: rates.reduce((s, r) => s + r.netPence, 0), vatPence: rates.reduce((s, r) => s + r.vatPence, 0) };
  });
  return { from, to, basis: c.vatAccountingBasis, stagger: c.vatStagger, quarters };
}

export async function revenueReport(ctx: TenantContext, q: RevenueQuery): Promise<RevenueReport> {
  assertCan(ctx, "reports.view");
  const c = await company(ctx);
  const { from, to } = defaultRange(todayIn(c.timeZone), q);
  const moves = await revenueMovements(ctx.db, ctx.companyId, from, to);
  const by = new Map<string, { invoicedPence: number; collectedPence: number }>();
  for (const m of moves) {
    const key = periodKey(m.date, q.period);
    const cur = by.get(key) ?? { invoicedPence: 0, collectedPence: 0 };
    if (m.kind === "invoiced") cur.invoicedPence += m.pence;
    if (m.kind === "credited") cur.invoicedPence -= m.pence;
    if (m.kind === "collected") cur.collectedPence += m.pence;
    if (m.kind === "refunded") cur.collectedPence -= m.pence;
    by.set(key, cur);
  }
  const rows = periodsBetween(from, to, q.period).map((period) => {
    const v = by.get(period) ?? { invoicedPence: 0, collectedPence: 0 };
    return { period, label: periodLabel(period), ...v, collectionRateBps: collectionRateBps(v.collectedPence, v.invoicedPence) };
  });
  const invoicedPence = rows.reduce((s, r) => s + r.invoicedPence, 0);
  const collectedPence = rows.reduce((s, r) => s + r.collectedPence, 0);
  return { from, to, period: q.period, rows, totals: { invoicedPence, collectedPence, collectionRateBps: collectionRateBps(collectedPence, invoicedPence) } };
}

const pounds = (p: number) => (p / 100).toFixed(2);
const percent = (bps: number | null) => (bps === null ? "" : (bps / 100).toFixed(1));

export function agingCsv(r: AgingReport): string {
  return toCsv(
    ["Client", ...AGING_BUCKETS.map((b) => `${AGING_LABELS[b]} (GBP)`), "Total (GBP)", "Invoices"],
    [
      ...r.clients.map((c) => [c.clientName, ...AGING_BUCKETS.map((b) => pounds(c[b])), pounds(c.total), c.invoices]),
      ["Total", ...AGING_BUCKETS.map((b) => pounds(r.totals[b])), pounds(r.totals.total), r.invoices.length],
    ],
  );
}

export function vatCsv(r: VatReport): string {
  return toCsv(
    ["Quarter", "VAT rate", "Net (GBP)", "VAT (GBP)", "Basis"],
    r.quarters.flatMap((q) => [...q.rates.map((x) => [q.label, x.label, pounds(x.netPence), pounds(x.vatPence), r.basis.toLowerCase()]), [q.label, "Total", pounds(q.netPence), pounds(q.vatPence), r.basis.toLowerCase()]]),
  );
}

export function revenueCsv(r: RevenueReport): string {
  return toCsv(
    ["Period", "Invoiced (GBP)", "Collected (GBP)", "Collection rate (%)"],
    [...r.rows.map((x) => [x.label, pounds(x.invoicedPence), pounds(x.collectedPence), percent(x.collectionRateBps)]), ["Total", pounds(r.totals.invoicedPence), pounds(r.totals.collectedPence), percent(r.totals.collectionRateBps)]],
  );
}
