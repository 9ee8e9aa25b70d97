import type { Metadata } from "next";
import Link from "next/link";
import { listTemplatesQuery, type TemplateView } from "@/modules/checklists/checklists.schema.ts";
import { listTemplates } from "@/modules/checklists/checklists.service.ts";
import { TemplateArchiveButton, TemplateEditor } from "@/modules/checklists/components/TemplateEditor.tsx";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, DataTable, EmptyState, formatShortDate, Input, PageHeader, StatusBadge, type DataTableColumn } from "@/ui";

export const metadata: Metadata = { title: "Checklists" };

export default async function ChecklistsSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireTenantPage(policy.can("jobs.view"));
  const sp = await searchParams;
  const parsed = listTemplatesQuery.safeParse({ q: sp.q || undefined, archived: sp.archived === "include" ? "include" : "exclude", cursor: sp.cursor || undefined, limit: 50 });
  const query = parsed.success ? parsed.data : listTemplatesQuery.parse({ limit: 50 });
  const chrome = await loadChrome(ctx);
  const page = await loadOrUnavailable(() => listTemplates(ctx, query));
  const canManage = can(ctx, "jobs.manage");
  const keep = { ...(query.q ? { q: query.q } : {}), ...(query.archived === "include" ? { archived: "include" } : {}) };
  const more = page.nextCursor ? `/admin/settings/checklists?${new URLSearchParams({ ...keep, cursor: page.nextCursor })}` : undefined;
  const filtered = !!query.q || query.archived === "include";

  const columns: DataTableColumn<TemplateView>[] = [
    {
      key: "title",
      header: "Checklist",
      maxWidth: "16rem",
      cell: (t) => (
        <span className="flex flex-col">
          <span className="truncate font-medium text-neutral-900">{t.title}</span>
          {t.description ? <span className="truncate text-xs text-neutral-600">{t.description}</span> : null}
          <span className="text-xs text-neutral-600 md:hidden">
            {t.items.filter((i) => i.required).length} required of {t.items.length}
            {t.archivedAt ? " · archived" : ""}
          </span>
        </span>
      ),
    },
    { key: "items", header: "Items", numeric: true, hideBelow: "md", cell: (t) => `${t.items.filter((i) => i.required).length} required of ${t.items.length}` },
    { key: "version", header: "Version", numeric: true, cell: (t) => t.version, hideBelow: "md" },
    { key: "updated", header: "Saved", cell: (t) => formatShortDate(t.createdAt, chrome.timeZone), hideBelow: "md" },
    { key: "state", header: "State", hideBelow: "md", cell: (t) => (t.archivedAt ? <StatusBadge status="void" label="Archived" /> : <StatusBadge status="active" label="In use" />) },
    ...(canManage
      ? [
          {
            key: "actions",
            header: <span className="sr-only">Actions</span>,
            cell: (t: TemplateView) => (
              <span className="flex justify-end gap-1">
                {!t.archivedAt ? <TemplateEditor template={t} /> : null}
                <TemplateArchiveButton template={t} />
              </span>
            ),
          } as DataTableColumn<TemplateView>,
        ]
      : []),
  ];

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        back={{ href: "/admin/settings", label: "Settings" }}
        title="Checklists"
        subtitle="Templates attached to jobs. Required items must be ticked before a job can be completed; editing saves a new version and jobs keep theirs."
        actions={canManage ? <TemplateEditor /> : undefined}
      />
      <Card padding="none">
        <form method="get" role="search" aria-label="Filter checklists" className="flex flex-col gap-3 border-b border-neutral-200 p-4 sm:flex-row sm:flex-wrap sm:items-end">
          <Input name="q" type="search" label="Search" placeholder="Checklist title" defaultValue={query.q ?? ""} containerClassName="sm:w-72" />
          <label className="flex h-11 items-center gap-2 text-sm text-neutral-800 sm:h-9">
            <input type="checkbox" name="archived" value="include" defaultChecked={query.archived === "include"} className="size-4 accent-brand-700" />
            Show archived
          </label>
          <div className="flex gap-2">
            <Button type="submit" variant="secondary" iconStart="search">
              Filter
            </Button>
            {filtered ? (
              <Button href="/admin/settings/checklists" variant="ghost">
                Clear
              </Button>
            ) : null}
          </div>
        </form>
        <DataTable
          caption="Checklist templates"
          columns={columns}
          rows={page.items}
          rowKey={(t) => t.id}
          hasMore={!!page.nextCursor}
          loadMoreHref={more}
          empty={
            filtered ? (
              <EmptyState icon="search" title="No checklists match" text="Try another title or clear the filters." action={<Button href="/admin/settings/checklists" variant="secondary">Clear filters</Button>} />
            ) : (
              <EmptyState icon="check" title="No checklists yet" text="Create a checklist (for example EICR pre-checks) and attach it to jobs from the job page." action={canManage ? <TemplateEditor /> : undefined} />
            )
          }
        />
      </Card>
      <p className="text-sm text-neutral-600">
        Attach checklists from a job&apos;s page: <Link href="/admin/jobs" className="underline underline-offset-4">Jobs</Link>.
      </p>
    </div>
  );
}
