import type { Metadata } from "next";
import Link from "next/link";
import { CLIENT_KIND_LABELS, listClientsQuery, type ClientListItem } from "@/modules/clients/clients.schema.ts";
import { listClients } from "@/modules/clients/clients.service.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, DataTable, EmptyState, formatShortDate, Input, PageHeader, type DataTableColumn } from "@/ui";

export const metadata: Metadata = { title: "Clients" };

type Search = Record<string, string | string[] | undefined>;

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireTenantPage(policy.can("clients.view"));
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" && raw[k] !== "" ? (raw[k] as string) : undefined);
  const parsed = listClientsQuery.safeParse({ q: one("q"), tag: one("tag"), archived: one("archived"), cursor: one("cursor"), limit: 50 });
  const query = parsed.success ? parsed.data : listClientsQuery.parse({ limit: 50 });
  const [page, chrome] = await Promise.all([loadOrUnavailable(() => listClients(ctx, query)), loadChrome(ctx)]);
  const canManage = can(ctx, "clients.manage");
  const filtered = !!(query.q || query.tag || query.archived !== "exclude");
  const next = new URLSearchParams();
  if (query.q) next.set("q", query.q);
  if (query.tag) next.set("tag", query.tag);
  if (query.archived !== "exclude") next.set("archived", query.archived);
  if (page.nextCursor) next.set("cursor", page.nextCursor);
  const tagHref = (tag: string) => `/admin/clients?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), tag })}`;

  const columns: DataTableColumn<ClientListItem>[] = [
    {
      key: "name",
      header: "Name",
      maxWidth: "min(18rem, 52vw)",
      cell: (c) => (
        <Link href={`/admin/clients/${c.id}`} className="font-medium text-neutral-900 hover:text-brand-700 hover:underline" title={c.name}>
          {c.name}
          {c.archivedAt ? <span className="ml-2 text-xs font-normal text-neutral-600">(archived)</span> : null}
        </Link>
      ),
    },
    { key: "kind", header: "Type", hideBelow: "md", cell: (c) => CLIENT_KIND_LABELS[c.kind] },
    {
      key: "contact",
      header: "Primary contact",
      hideBelow: "lg",
      maxWidth: "13rem",
      cell: (c) => (c.primaryContact ? c.primaryContact.name : <span className="text-neutral-500">{c.email ?? "—"}</span>),
    },
    {
      key: "postcodes",
      header: "Postcode",
      maxWidth: "9rem",
      cell: (c) => (c.postcodes.length ? c.postcodes.slice(0, 2).join(", ") + (c.postcodes.length > 2 ? ` +${c.postcodes.length - 2}` : "") : "—"),
    },
    {
      key: "tags",
      header: "Tags",
      hideBelow: "md",
      cell: (c) =>
        c.tags.length ? (
          <span className="flex gap-1">
            {c.tags.slice(0, 2).map((t) => (
              <Link key={t} href={tagHref(t)} className="rounded-full bg-neutral-100 px-2 py-0.5 text-xs text-neutral-700 hover:bg-neutral-200">
                {t}
              </Link>
            ))}
            {c.tags.length > 2 ? <span className="px-1 text-xs text-neutral-600" title={c.tags.slice(2).join(", ")}>+{c.tags.length - 2}</span> : null}
          </span>
        ) : null,
    },
    { key: "created", header: "Added", hideBelow: "xl", cell: (c) => formatShortDate(c.createdAt, chrome.timeZone) },
  ];

  const empty = filtered ? (
    <EmptyState icon="search" title="No clients match" text="Try another name, email, phone or postcode, or clear the filters." action={<Button href="/admin/clients" variant="secondary">Clear filters</Button>} />
  ) : (
    <EmptyState
      icon="users"
      title="No clients yet"
      text="Add your first client, or bring your existing customer list over from a spreadsheet."
      action={
        canManage ? (
          <div className="flex flex-wrap justify-center gap-2">
            <Button href="/admin/clients/new" iconStart="plus">
              Add client
            </Button>
            <Button href="/admin/clients/import" variant="secondary">
              Import from CSV
            </Button>
          </div>
        ) : undefined
      }
    />
  );

  return (
    <div className="mx-auto flex max-w-6xl flex-col">
      <PageHeader
        title="Clients"
        subtitle="Everyone you quote for and work for, with their contacts and sites."
        actions={
          canManage ? (
            <>
              <Button href="/admin/clients/import" variant="secondary">
                Import from CSV
              </Button>
              <Button href="/admin/clients/new" iconStart="plus">
                Add client
              </Button>
            </>
          ) : undefined
        }
      />
      <Card padding="none">
        <form method="get" role="search" aria-label="Filter clients" className="flex flex-col gap-3 border-b border-neutral-200 p-4 sm:flex-row sm:flex-wrap sm:items-end">
          <Input name="q" type="search" label="Search" placeholder="Name, email, phone or postcode" defaultValue={query.q ?? ""} containerClassName="sm:w-80" />
          <Input name="tag" label="Tag" placeholder="e.g. landlord" defaultValue={query.tag ?? ""} containerClassName="sm:w-44" />
          <label className="flex h-11 items-center gap-2 text-sm text-neutral-800 sm:h-9">
            <input type="checkbox" name="archived" value="include" defaultChecked={query.archived !== "exclude"} className="size-4 accent-brand-700" />
            Show archived
          </label>
          <div className="flex gap-2">
            <Button type="submit" variant="secondary" iconStart="search">
              Filter
            </Button>
            {filtered ? (
              <Button href="/admin/clients" variant="ghost">
                Clear
              </Button>
            ) : null}
          </div>
        </form>
        <DataTable
          caption="Clients"
          columns={columns}
          rows={page.items}
          rowKey={(c) => c.id}
          empty={empty}
          hasMore={!!page.nextCursor}
          loadMoreHref={page.nextCursor ? `/admin/clients?${next.toString()}` : undefined}
        />
      </Card>
    </div>
  );
}
