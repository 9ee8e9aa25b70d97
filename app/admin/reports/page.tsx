import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/modules/reports/components/BarChart.tsx";
import { AGING_BUCKETS, AGING_LABELS, VAT_STAGGER_LABELS } from "@/modules/reports/reports-math.ts";
import { agingQuery, revenueQuery, vatQuery } from "@/modules/reports/reports.schema.ts";
import { agingReport, revenueReport, vatReport } from "@/modules/reports/reports.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, EmptyState, Icon, Input, PageHeader, Select, buttonClasses, cx, formatMoney } from "@/ui";

export const metadata: Metadata = { title: "Reports" };

type SP = Record<string, string | string[] | undefined>;
const REPORTS = [
  { key: "aging", label: "A/R aging" },
  { key: "revenue", label: "Revenue" },
  { key: "vat", label: "VAT summary" },
] as const;
type ReportKey = (typeof REPORTS)[number]["key"];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const rate = (bps: number | null) => (bps === null ? "—" : `${(bps / 100).toFixed(1)}%`);

function Tabs({ current }: { current: ReportKey }) {
  return (
    <nav aria-label="Reports" className="flex gap-1 overflow-x-auto border-b border-neutral-200">
      {REPORTS.map((r) => (
        <Link
          key={r.key}
          href={`/admin/reports?report=${r.key}`}
          aria-current={r.key === current ? "page" : undefined}
          className={cx(
            "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
            r.key === current ? "border-accent text-neutral-900" : "border-transparent text-neutral-600 hover:text-neutral-900",
          )}
        >
          {r.label}
        </Link>
      ))}
    </nav>
  );
}

function Th({ children, numeric }: { children: React.ReactNode; numeric?: boolean }) {
  return <th scope="col" className={cx("whitespace-nowrap px-3 py-2 text-xs font-semibold uppercase tracking-wide text-neutral-600", numeric ? "text-right" : "text-left")}>{children}</th>;
}
function Td({ children, numeric, strong }: { children: React.ReactNode; numeric?: boolean; strong?: boolean }) {
  return <td className={cx("whitespace-nowrap px-3 py-2", numeric && "figures text-right", strong && "font-semibold")}>{children}</td>;
}

function FilterErrors({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
      {messages.join(" ")}
    </p>
  );
}

/** A table that may scroll sideways on a phone: a named region that keyboard users can focus and scroll. */
function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** A plain link (not client navigation): the browser downloads the CSV the API answers with. */
function CsvLink({ href }: { href: string }) {
  return (
    <a href={href} download className={buttonClasses({ variant: "ghost" })}>
      <Icon name="download" size={16} />
      Download CSV
    </a>
  );
}

function csvHref(report: ReportKey, params: Record<string, string | undefined>) {
  const q = new URLSearchParams(Object.entries({ ...params, format: "csv" }).filter((e): e is [string, string] => !!e[1]));
  return `/api/admin/reports/${report}?${q}`;
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<SP> }) {
  const ctx = await requireTenantPage(policy.can("reports.view"));
  const sp = await searchParams;
  const report: ReportKey = REPORTS.some((r) => r.key === one(sp.report)) ? (one(sp.report) as ReportKey) : "aging";

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader title="Reports" subtitle="Money owed, money in, and VAT, from your invoices and payments." />
      <Tabs current={report} />
      {report === "aging" ? <Aging ctx={ctx} sp={sp} /> : report === "revenue" ? <Revenue ctx={ctx} sp={sp} /> : <Vat ctx={ctx} sp={sp} />}
    </div>
  );
}

type Ctx = Awaited<ReturnType<typeof requireTenantPage>>;

async function Aging({ ctx, sp }: { ctx: Ctx; sp: SP }) {
  const parsed = agingQuery.safeParse({ asOf: one(sp.asOf) });
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => `As of: ${i.message}.`);
  const r = await loadOrUnavailable(() => agingReport(ctx, parsed.success ? parsed.data : { format: "json" }));
  return (
    <div className="flex flex-col gap-6">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Aging filters">
        <input type="hidden" name="report" value="aging" />
        <Input type="date" name="asOf" label="Owed at the end of" defaultValue={r.asOf} containerClassName="w-48" />
        <Button type="submit" variant="secondary">
          Show
        </Button>
        <CsvLink href={csvHref("aging", { asOf: r.asOf })} />
      </form>
      <FilterErrors messages={errors} />
      <Card title="Money owed by age" description={`Unpaid balances of issued invoices at the end of ${r.asOf}, after part payments and credit notes, by days past the due date.`}>
        {r.totals.total === 0 ? (
          <EmptyState title="Nothing owed" text="No issued invoice had a balance on this date." headingLevel={3} />
        ) : (
          <BarChart title="Money owed by age" categories={AGING_BUCKETS.map((b) => AGING_LABELS[b])} series={[{ name: "Owed", colorClass: "fill-brand-600", values: AGING_BUCKETS.map((b) => r.totals[b]) }]} />
        )}
      </Card>
      <Card title="By client" padding="none">
        <TableScroll label="Money owed by client and age">
          <table className="w-full text-sm">
            <caption className="sr-only">Money owed by client and age</caption>
            <thead className="border-b border-neutral-200 bg-neutral-50">
              <tr>
                <Th>Client</Th>
                {AGING_BUCKETS.map((b) => (
                  <Th key={b} numeric>
                    {AGING_LABELS[b]}
                  </Th>
                ))}
                <Th numeric>Total</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {r.clients.map((c) => (
                <tr key={c.clientId}>
                  <td className="max-w-[16rem] truncate px-3 py-2">
                    <Link href={`/admin/clients/${c.clientId}`} className="font-medium text-neutral-900 underline-offset-4 hover:underline">
                      {c.clientName}
                    </Link>
                  </td>
                  {AGING_BUCKETS.map((b) => (
                    <Td key={b} numeric>
                      {c[b] ? formatMoney(c[b]) : "—"}
                    </Td>
                  ))}
                  <Td numeric strong>
                    {formatMoney(c.total)}
                  </Td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-neutral-200 bg-neutral-50">
              <tr>
                <Td strong>Total</Td>
                {AGING_BUCKETS.map((b) => (
                  <Td key={b} numeric strong>
                    {formatMoney(r.totals[b])}
                  </Td>
                ))}
                <Td numeric strong>
                  {formatMoney(r.totals.total)}
                </Td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      </Card>
    </div>
  );
}

async function Revenue({ ctx, sp }: { ctx: Ctx; sp: SP }) {
  const parsed = revenueQuery.safeParse({ from: one(sp.from), to: one(sp.to), period: one(sp.period) });
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => `${i.message}.`);
  const r = await loadOrUnavailable(() => revenueReport(ctx, parsed.success ? parsed.data : { format: "json", period: "month" }));
  return (
    <div className="flex flex-col gap-6">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Revenue filters">
        <input type="hidden" name="report" value="revenue" />
        <Input type="date" name="from" label="From" defaultValue={r.from} containerClassName="w-44" />
        <Input type="date" name="to" label="To" defaultValue={r.to} containerClassName="w-44" />
        <Select
          name="period"
          label="By"
          defaultValue={r.period}
          options={[
            { value: "month", label: "Month" },
            { value: "quarter", label: "Quarter" },
            { value: "year", label: "Year" },
          ]}
          containerClassName="w-36"
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
        <CsvLink href={csvHref("revenue", { from: r.from, to: r.to, period: r.period })} />
      </form>
      <FilterErrors messages={errors} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card>
          <p className="text-sm text-neutral-600">Invoiced</p>
          <p className="figures text-2xl font-semibold">{formatMoney(r.totals.invoicedPence)}</p>
        </Card>
        <Card>
          <p className="text-sm text-neutral-600">Collected</p>
          <p className="figures text-2xl font-semibold">{formatMoney(r.totals.collectedPence)}</p>
        </Card>
        <Card>
          <p className="text-sm text-neutral-600">Collection rate</p>
          <p className="figures text-2xl font-semibold">{rate(r.totals.collectionRateBps)}</p>
        </Card>
      </div>
      <Card title="Invoiced and collected" description="Invoiced: amounts payable on invoices issued in the period, less credit notes. Collected: payments received, less refunds.">
        <BarChart
          title="Invoiced and collected"
          categories={r.rows.map((x) => x.label)}
          series={[
            { name: "Invoiced", colorClass: "fill-brand-600", values: r.rows.map((x) => x.invoicedPence) },
            { name: "Collected", colorClass: "fill-success-600", values: r.rows.map((x) => x.collectedPence) },
          ]}
        />
      </Card>
      <Card title="By period" padding="none">
        <TableScroll label="Revenue by period">
          <table className="w-full text-sm">
            <caption className="sr-only">Revenue by period</caption>
            <thead className="border-b border-neutral-200 bg-neutral-50">
              <tr>
                <Th>Period</Th>
                <Th numeric>Invoiced</Th>
                <Th numeric>Collected</Th>
                <Th numeric>Collection rate</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {r.rows.map((x) => (
                <tr key={x.period}>
                  <Td>{x.label}</Td>
                  <Td numeric>{formatMoney(x.invoicedPence)}</Td>
                  <Td numeric>{formatMoney(x.collectedPence)}</Td>
                  <Td numeric>{rate(x.collectionRateBps)}</Td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-neutral-200 bg-neutral-50">
              <tr>
                <Td strong>Total</Td>
                <Td numeric strong>
                  {formatMoney(r.totals.invoicedPence)}
                </Td>
                <Td numeric strong>
                  {formatMoney(r.totals.collectedPence)}
                </Td>
                <Td numeric strong>
                  {rate(r.totals.collectionRateBps)}
                </Td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      </Card>
    </div>
  );
}

async function Vat({ ctx, sp }: { ctx: Ctx; sp: SP }) {
  const parsed = vatQuery.safeParse({ from: one(sp.from), to: one(sp.to) });
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => `${i.message}.`);
  const r = await loadOrUnavailable(() => vatReport(ctx, parsed.success ? parsed.data : { format: "json" }));
  return (
    <div className="flex flex-col gap-6">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="VAT filters">
        <input type="hidden" name="report" value="vat" />
        <Input type="date" name="from" label="From the quarter of" defaultValue={r.from} containerClassName="w-44" />
        <Input type="date" name="to" label="To the quarter of" defaultValue={r.to} containerClassName="w-44" />
        <Button type="submit" variant="secondary">
          Show
        </Button>
        <CsvLink href={csvHref("vat", { from: r.from, to: r.to })} />
      </form>
      <FilterErrors messages={errors} />
      <p className="text-sm text-neutral-700">
        {r.basis === "CASH" ? "Cash accounting: VAT is counted when payments arrive (and refunds go out)." : "Accrual (standard) accounting: VAT is counted by invoice and credit note date."}{" "}
        {VAT_STAGGER_LABELS[r.stagger]}; the dates you pick are widened to whole quarters.{" "}
        <Link href="/admin/settings/payments" className="font-medium underline underline-offset-4">
          Change the basis or quarters
        </Link>
      </p>
      <Card title="Output VAT by quarter">
        <BarChart
          title="Output VAT by quarter"
          categories={r.quarters.map((q) => q.label)}
          series={[
            { name: "Net sales", colorClass: "fill-brand-600", values: r.quarters.map((q) => q.netPence) },
            { name: "VAT", colorClass: "fill-warning-500", values: r.quarters.map((q) => q.vatPence) },
          ]}
        />
      </Card>
      <Card title="By quarter and rate" padding="none">
        <TableScroll label="Net sales and VAT by quarter and rate">
          <table className="w-full text-sm">
            <caption className="sr-only">Net sales and VAT by quarter and rate</caption>
            <thead className="border-b border-neutral-200 bg-neutral-50">
              <tr>
                <Th>Quarter</Th>
                <Th>VAT rate</Th>
                <Th numeric>Net</Th>
                <Th numeric>VAT</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {r.quarters.flatMap((q) => [
                ...q.rates.map((x) => (
                  <tr key={`${q.quarter}-${x.rateKey}`}>
                    <Td>{q.label}</Td>
                    <Td>{x.label}</Td>
                    <Td numeric>{formatMoney(x.netPence)}</Td>
                    <Td numeric>{formatMoney(x.vatPence)}</Td>
                  </tr>
                )),
                <tr key={`${q.quarter}-total`} className="bg-neutral-50">
                  <Td strong>{q.label}</Td>
                  <Td strong>{q.rates.length ? "Total" : "No sales"}</Td>
                  <Td numeric strong>
                    {formatMoney(q.netPence)}
                  </Td>
                  <Td numeric strong>
                    {formatMoney(q.vatPence)}
                  </Td>
                </tr>,
              ])}
            </tbody>
          </table>
        </TableScroll>
      </Card>
    </div>
  );
}
