import type { Metadata } from "next";
import Link from "next/link";
import { EnquiryBoard } from "@/modules/enquiries/components/EnquiryBoard.tsx";
import { EnquiriesTable } from "@/modules/enquiries/components/EnquiriesTable.tsx";
import { listEnquiriesQuery } from "@/modules/enquiries/enquiries.schema.ts";
import { getBoard, listEnquiries, listOwnerOptions } from "@/modules/enquiries/enquiries.service.ts";
import { listStages } from "@/modules/enquiries/pipeline.service.ts";
import { getCompany } from "@/modules/company/company.service.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, Input, PageHeader, Select, cx } from "@/ui";

export const metadata: Metadata = { title: "Enquiries" };

type Search = Record<string, string | string[] | undefined>;

function ViewSwitch({ view }: { view: "board" | "list" }) {
  const item = (v: "board" | "list", label: string) => (
    <Link
      href={`/admin/enquiries?view=${v}`}
      aria-current={view === v ? "page" : undefined}
      className={cx(
        "flex h-11 items-center rounded-md px-3 text-sm font-medium sm:h-8",
        view === v ? "bg-white text-neutral-900 shadow-xs ring-1 ring-neutral-200" : "text-neutral-700 hover:text-neutral-900",
      )}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Enquiries view" className="inline-flex gap-1 rounded-lg bg-neutral-100 p-1">
      {item("board", "Board")}
      {item("list", "List")}
    </nav>
  );
}

export default async function EnquiriesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireTenantPage(policy.can("enquiries.manage"));
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" && raw[k] !== "" ? (raw[k] as string) : undefined);
  const view = one("view") === "list" ? "list" : "board";
  const now = new Date().toISOString();
  const company = can(ctx, "company.view") ? await loadOrUnavailable(() => getCompany(ctx)) : null;

  const header = (
    <PageHeader
      title="Enquiries"
      subtitle={
        company ? (
          <>
            New work coming in. Your public enquiry form:{" "}
            <a href={`/e/${company.slug}`} className="font-medium text-brand-700 underline" target="_blank" rel="noreferrer">
              /e/{company.slug}
            </a>
          </>
        ) : (
          "New work coming in."
        )
      }
      actions={
        <Button href="/admin/enquiries/new" iconStart="plus">
          Add enquiry
        </Button>
      }
    />
  );

  if (view === "board") {
    const board = await loadOrUnavailable(() => getBoard(ctx));
    return (
      <div className="flex flex-col">
        {header}
        <div className="mb-4">
          <ViewSwitch view="board" />
        </div>
        {board.truncated ? <p className="mb-3 text-sm text-neutral-600">Showing the newest 500 enquiries. Use the list to find older ones.</p> : null}
        <EnquiryBoard columns={board.columns} now={now} />
      </div>
    );
  }

  const parsed = listEnquiriesQuery.safeParse({ stage: one("stage"), owner: one("owner"), source: one("source"), q: one("q"), cursor: one("cursor"), limit: 50 });
  const query = parsed.success ? parsed.data : listEnquiriesQuery.parse({ limit: 50 });
  const [page, stages, owners] = await loadOrUnavailable(() => Promise.all([listEnquiries(ctx, query), listStages(ctx), listOwnerOptions(ctx)]));
  const next = new URLSearchParams({ view: "list" });
  for (const k of ["stage", "owner", "source", "q"] as const) if (query[k]) next.set(k, String(query[k]));
  if (page.nextCursor) next.set("cursor", page.nextCursor);
  const filtered = !!(query.stage || query.owner || query.source || query.q);

  return (
    <div className="flex flex-col">
      {header}
      <div className="mb-4">
        <ViewSwitch view="list" />
      </div>
      <Card padding="none">
        <form method="get" role="search" aria-label="Filter enquiries" className="flex flex-col gap-3 border-b border-neutral-200 p-4 lg:flex-row lg:items-end">
          <input type="hidden" name="view" value="list" />
          <Input name="q" type="search" label="Search" placeholder="Name, email, phone or postcode" defaultValue={query.q ?? ""} containerClassName="lg:w-72" />
          <Select name="stage" label="Stage" placeholder="All stages" defaultValue={query.stage ?? ""} options={stages.items.map((s) => ({ value: s.id, label: s.name }))} containerClassName="lg:w-48" />
          <Select
            name="owner"
            label="Owner"
            placeholder="Anyone"
            defaultValue={query.owner ?? ""}
            options={[{ value: "none", label: "Unassigned" }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
            containerClassName="lg:w-48"
          />
          <Select
            name="source"
            label="Source"
            placeholder="Any source"
            defaultValue={query.source ?? ""}
            options={[
              { value: "PUBLIC_FORM", label: "Website form" },
              { value: "MANUAL", label: "Added by hand" },
            ]}
            containerClassName="lg:w-44"
          />
          <div className="flex gap-2">
            <Button type="submit" variant="secondary" iconStart="search">
              Filter
            </Button>
            {filtered ? (
              <Button href="/admin/enquiries?view=list" variant="ghost">
                Clear
              </Button>
            ) : null}
          </div>
        </form>
        <EnquiriesTable rows={page.items} now={now} filtered={filtered} loadMoreHref={page.nextCursor ? `/admin/enquiries?${next.toString()}` : undefined} />
      </Card>
    </div>
  );
}
