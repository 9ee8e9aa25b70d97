import type { Metadata } from "next";
import { KIND_LABELS } from "@/modules/pricebook/components/labels.ts";
import { AddPriceBookItemButton, PriceBookRowActions } from "@/modules/pricebook/components/PriceBookActions.tsx";
import { listPriceBookQuery, type PriceBookItemView } from "@/modules/pricebook/pricebook.schema.ts";
import { listPriceBook, priceBookDefaultVat } from "@/modules/pricebook/pricebook.service.ts";
import { computeTotals } from "@/modules/pricing/pricing.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, DataTable, EmptyState, formatMoney, Input, PageHeader, type DataTableColumn } from "@/ui";

export const metadata: Metadata = { title: "Price book" };

type Search = Record<string, string | string[] | undefined>;

/** The selling price of one unit (cost + markup), from the one pricing function. */
function sellUnit(i: PriceBookItemView): number {
  const t = computeTotals(
    [{ id: i.id, kind: i.kind, quantityMilli: 1000, unitPricePence: i.unitPricePence, markupBps: i.markupBps, discountBps: 0, vatRateBps: i.vatRateBps, placement: { kind: "BASE" } }],
    { options: {}, addons: [] },
  );
  return t.lines[0]!.sellUnitPence;
}

const vatText = (bps: number | null) => (bps === null ? "Exempt" : `${bps / 100}%`);

export default async function PriceBookPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireTenantPage(policy.can("quotes.manage"));
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" && raw[k] !== "" ? (raw[k] as string) : undefined);
  const parsed = listPriceBookQuery.safeParse({ q: one("q"), archived: one("archived"), cursor: one("cursor"), limit: 50 });
  const query = parsed.success ? parsed.data : listPriceBookQuery.parse({ limit: 50 });
  const [page, defaultVat] = await loadOrUnavailable(() => Promise.all([listPriceBook(ctx, query), priceBookDefaultVat(ctx)]));
  const filtered = !!(query.q || query.archived !== "exclude");
  const next = new URLSearchParams();
  if (query.q) next.set("q", query.q);
  if (query.archived !== "exclude") next.set("archived", query.archived);
  if (page.nextCursor) next.set("cursor", page.nextCursor);

  const columns: DataTableColumn<PriceBookItemView>[] = [
    {
      key: "description",
      header: "Description",
      maxWidth: "min(24rem, 48vw)",
      cell: (i) => (
        <span className="font-medium text-neutral-900" title={i.description}>
          {i.description}
          {i.unit ? <span className="ml-1 font-normal text-neutral-600">/ {i.unit}</span> : null}
        </span>
      ),
    },
    { key: "kind", header: "Type", hideBelow: "md", cell: (i) => KIND_LABELS[i.kind] },
    { key: "cost", header: "Unit price", numeric: true, hideBelow: "sm", cell: (i) => formatMoney(i.unitPricePence) },
    { key: "markup", header: "Markup", numeric: true, hideBelow: "lg", cell: (i) => `${i.markupBps / 100}%` },
    { key: "sell", header: "Sells at", numeric: true, cell: (i) => formatMoney(sellUnit(i)) },
    { key: "vat", header: "VAT", numeric: true, hideBelow: "md", cell: (i) => vatText(i.vatRateBps) },
    { key: "actions", header: <span className="sr-only">Actions</span>, align: "right", cell: (i) => <PriceBookRowActions item={i} /> },
  ];

  const empty = filtered ? (
    <EmptyState icon="search" title="No items match" text="Try another word from the description, or clear the search." action={<Button href="/admin/settings/price-book" variant="secondary">Clear search</Button>} />
  ) : (
    <EmptyState icon="quote" title="Your price book is empty" text="Save the labour rates, materials and fixed-price jobs you quote often, then pick them in the quote builder." action={<AddPriceBookItemButton defaultVat={defaultVat} />} />
  );

  return (
    <div className="mx-auto flex max-w-6xl flex-col">
      <PageHeader
        title="Price book"
        subtitle="Saved labour rates, materials and fixed prices to pick from when building a quote."
        back={{ href: "/admin/settings", label: "Settings" }}
        actions={<AddPriceBookItemButton defaultVat={defaultVat} />}
      />
      <Card padding="none">
        <form method="get" role="search" aria-label="Search the price book" className="flex flex-col gap-3 border-b border-neutral-200 p-4 sm:flex-row sm:flex-wrap sm:items-end">
          <Input name="q" type="search" label="Search" placeholder="e.g. socket, consumer unit" defaultValue={query.q ?? ""} containerClassName="sm:w-80" />
          <label className="flex h-11 items-center gap-2 text-sm text-neutral-800 sm:h-9">
            <input type="checkbox" name="archived" value="include" defaultChecked={query.archived !== "exclude"} className="size-4 accent-brand-700" />
            Show archived
          </label>
          <div className="flex gap-2">
            <Button type="submit" variant="secondary" iconStart="search">
              Search
            </Button>
            {filtered ? (
              <Button href="/admin/settings/price-book" variant="ghost">
                Clear
              </Button>
            ) : null}
          </div>
        </form>
        <DataTable
          caption="Price book items"
          columns={columns}
          rows={page.items}
          rowKey={(i) => i.id}
          empty={empty}
          hasMore={!!page.nextCursor}
          loadMoreHref={page.nextCursor ? `/admin/settings/price-book?${next.toString()}` : undefined}
        />
      </Card>
    </div>
  );
}
