import type { Metadata } from "next";
import Link from "next/link";
import { QUOTE_STATUSES, QUOTE_STATUS_LABELS } from "@/modules/quotes/quote-status.ts";
import { listQuotesQuery, type QuoteSummary } from "@/modules/quotes/quotes.schema.ts";
import { listQuotes } from "@/modules/quotes/quotes.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, DataTable, EmptyState, formatShortDate, PageHeader, StatusBadge, type DataTableColumn } from "@/ui";

export const metadata: Metadata = { title: "Quotes" };

const columns: DataTableColumn<QuoteSummary>[] = [
  {
    key: "number",
    header: "Quote",
    cell: (q) => (
      <Link href={`/admin/quotes/${q.id}`} className="font-medium text-neutral-900 hover:underline">
        {q.number}
      </Link>
    ),
  },
  { key: "title", header: "Title", cell: (q) => q.title, maxWidth: "20rem" },
  { key: "client", header: "Client", cell: (q) => q.clientName, maxWidth: "14rem" },
  { key: "status", header: "Status", cell: (q) => <StatusBadge status={q.status} label={QUOTE_STATUS_LABELS[q.status]} /> },
  { key: "total", header: "Total", numeric: true, cell: (q) => `£${(q.grossPence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}` },
  { key: "created", header: "Created", cell: (q) => formatShortDate(q.createdAt, "Europe/London"), hideBelow: "md" },
];

export default async function QuotesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireTenantPage(policy.can("quotes.manage"));
  const sp = await searchParams;
  const parsed = listQuotesQuery.safeParse({ status: sp.status || undefined, cursor: sp.cursor || undefined, limit: 50 });
  const query = parsed.success ? parsed.data : listQuotesQuery.parse({ limit: 50 });
  const page = await loadOrUnavailable(() => listQuotes(ctx, query));
  const more = page.nextCursor ? `/admin/quotes?${new URLSearchParams({ ...(query.status ? { status: query.status } : {}), cursor: page.nextCursor })}` : undefined;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader title="Quotes" actions={<Button href="/admin/quotes/new" iconStart="plus">New quote</Button>} />
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        <Link href="/admin/quotes" aria-current={!query.status ? "page" : undefined} className="rounded-full border border-neutral-300 px-3 py-1 aria-[current=page]:border-neutral-900 aria-[current=page]:bg-neutral-900 aria-[current=page]:text-white">
          All
        </Link>
        {QUOTE_STATUSES.map((s) => (
          <Link key={s} href={`/admin/quotes?status=${s}`} aria-current={query.status === s ? "page" : undefined} className="rounded-full border border-neutral-300 px-3 py-1 aria-[current=page]:border-neutral-900 aria-[current=page]:bg-neutral-900 aria-[current=page]:text-white">
            {QUOTE_STATUS_LABELS[s]}
          </Link>
        ))}
      </nav>
      <Card padding="none">
        <DataTable
          columns={columns}
          rows={page.items}
          rowKey={(q) => q.id}
          caption="Quotes"
          hasMore={!!page.nextCursor}
          loadMoreHref={more}
          empty={<EmptyState title={query.status ? "No quotes with this status" : "No quotes yet"} text="Build a quote with options and add-ons, send it, and the client accepts online with a signature." actionLabel="New quote" actionHref="/admin/quotes/new" />}
        />
      </Card>
    </div>
  );
}
