import type { Metadata } from "next";
import Link from "next/link";
import { invoiceBadge, INVOICE_STATUS_LABELS } from "@/modules/invoices/invoice-labels.ts";
import { INVOICE_STATUSES, listInvoicesQuery, type InvoiceSummary } from "@/modules/invoices/invoices.schema.ts";
import { listInvoices } from "@/modules/invoices/invoices.service.ts";
import { countOpenUnapplied } from "@/modules/invoices/unapplied-payments.service.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, DataTable, EmptyState, formatDate, formatMoney, formatShortDate, Input, PageHeader, Select, StatusBadge, type DataTableColumn } from "@/ui";

export const metadata: Metadata = { title: "Invoices" };

type SP = Record<string, string | undefined>;

/** "22 Nov 2026": the list's compact date (no weekday). */
const listDate = (iso: string) => formatShortDate(iso, "UTC", { year: true }).replace(/^\S+ /, "");

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<SP> }) {
  const ctx = await requireTenantPage(policy.can("invoices.view"));
  const sp = await searchParams;
  const chrome = await loadChrome(ctx);
  const raw = { status: sp.status || undefined, clientId: sp.clientId || undefined, overdue: sp.overdue === "true" ? "true" : undefined, from: sp.from || undefined, to: sp.to || undefined, q: sp.q || undefined };
  const parsed = listInvoicesQuery.safeParse({ ...raw, cursor: sp.cursor || undefined, limit: 50 });
  const query = parsed.success ? parsed.data : listInvoicesQuery.parse({ limit: 50 });
  const [page, clients, unapplied] = await loadOrUnavailable(() =>
    Promise.all([listInvoices(ctx, query), ctx.db.client.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true }, take: 1000 }), countOpenUnapplied(ctx)]),
  );
  const filters = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const filtered = Object.keys(filters).length > 0;
  const more = page.nextCursor ? `/admin/invoices?${new URLSearchParams({ ...filters, cursor: page.nextCursor })}` : undefined;
  const canManage = can(ctx, "invoices.manage");

  const columns: DataTableColumn<InvoiceSummary>[] = [
    {
      key: "number",
      header: "Invoice",
      cell: (i) => (
        <Link href={`/admin/invoices/${i.id}`} className="font-medium text-neutral-900 hover:underline">
          {i.number ?? "Draft"}
        </Link>
      ),
    },
    { key: "client", header: "Client", cell: (i) => i.clientName, maxWidth: "14rem" },
    { key: "title", header: "Title", cell: (i) => i.title, maxWidth: "8rem", hideBelow: "xl" },
    { key: "status", header: "Status", cell: (i) => <StatusBadge {...invoiceBadge(i)} /> },
    { key: "issued", header: "Issued", cell: (i) => (i.issueDate ? listDate(i.issueDate) : "—"), hideBelow: "lg" },
    { key: "due", header: "Due", cell: (i) => (i.dueDate ? listDate(i.dueDate) : "—"), hideBelow: "md" },
    { key: "total", header: "Total", numeric: true, cell: (i) => formatMoney(i.payablePence), hideBelow: "sm" },
    { key: "balance", header: "Balance", numeric: true, cell: (i) => formatMoney(i.balancePence) },
  ];

  const footer = (
    <tr>
      <th scope="row" className="whitespace-nowrap px-4 py-2.5 text-left text-sm">
        {page.totals.count} {page.totals.count === 1 ? "invoice" : "invoices"}
      </th>
      <td />
      <td className="hidden xl:table-cell" />
      <td />
      <td className="hidden lg:table-cell" />
      <td className="hidden md:table-cell" />
      <td className="hidden px-4 py-2.5 text-right tabular-nums sm:table-cell">{formatMoney(page.totals.payablePence)}</td>
      <td className="px-4 py-2.5 text-right tabular-nums">{formatMoney(page.totals.balancePence)}</td>
    </tr>
  );

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        title="Invoices"
        subtitle={<>Outstanding across these filters: {formatMoney(page.totals.balancePence)}{query.status === "VOID" ? "" : " (void invoices not counted)"}</>}
        actions={
          <>
            <Button href="/admin/invoices/unapplied" variant="secondary">
              Unapplied payments{unapplied.count > 0 ? ` (${unapplied.count})` : ""}
            </Button>
            {canManage ? (
              <Button href="/admin/invoices/new" iconStart="plus">
                New invoice
              </Button>
            ) : null}
          </>
        }
      />
      {unapplied.count > 0 ? (
        <p role="status" data-testid="unapplied-banner" className="rounded-md border border-warning-200 bg-warning-50 px-4 py-3 text-sm text-warning-900">
          {unapplied.count === 1 ? "1 card payment" : `${unapplied.count} card payments`} ({formatMoney(unapplied.amountPence)}) couldn&apos;t be applied because the invoice was voided or already paid.{" "}
          <Link href="/admin/invoices/unapplied" className="font-medium underline underline-offset-4">
            Review unapplied payments
          </Link>
        </p>
      ) : null}
      <Card padding="none">
        <form method="get" role="search" aria-label="Filter invoices" className="flex flex-col gap-3 border-b border-neutral-200 p-4 sm:flex-row sm:flex-wrap sm:items-end">
          <Input name="q" type="search" label="Search" placeholder="Number, title or client" defaultValue={query.q ?? ""} containerClassName="sm:w-56" />
          <Select name="status" label="Status" placeholder="Any status" defaultValue={query.status ?? ""} options={INVOICE_STATUSES.map((s) => ({ value: s, label: INVOICE_STATUS_LABELS[s] }))} containerClassName="sm:w-40" />
          <Select name="clientId" label="Client" placeholder="Any client" defaultValue={query.clientId ?? ""} options={clients.map((c) => ({ value: c.id, label: c.name }))} containerClassName="sm:w-56" />
          <Input name="from" type="date" label="Issued from" defaultValue={query.from ?? ""} containerClassName="sm:w-40" />
          <Input name="to" type="date" label="Issued to" defaultValue={query.to ?? ""} containerClassName="sm:w-40" />
          <label className="flex h-11 items-center gap-2 text-sm text-neutral-800 sm:h-9">
            <input type="checkbox" name="overdue" value="true" defaultChecked={query.overdue === true} className="size-4 accent-brand-700" />
            Overdue only
          </label>
          <div className="flex gap-2">
            <Button type="submit" variant="secondary" iconStart="search">
              Filter
            </Button>
            {filtered ? (
              <Button href="/admin/invoices" variant="ghost">
                Clear
              </Button>
            ) : null}
          </div>
        </form>
        <DataTable
          caption={`Invoices, as of ${formatDate(new Date(), chrome.timeZone)}`}
          columns={columns}
          rows={page.items}
          rowKey={(i) => i.id}
          hasMore={!!page.nextCursor}
          loadMoreHref={more}
          footer={page.items.length ? footer : undefined}
          empty={
            <EmptyState
              title={filtered ? "No invoices match these filters" : "No invoices yet"}
              text={filtered ? "Clear the filters to see every invoice." : "Invoice an accepted quote from its page, or start a blank invoice."}
              actionLabel={filtered ? "Clear filters" : canManage ? "New invoice" : undefined}
              actionHref={filtered ? "/admin/invoices" : canManage ? "/admin/invoices/new" : undefined}
            />
          }
        />
      </Card>
    </div>
  );
}
