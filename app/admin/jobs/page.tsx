import type { Metadata } from "next";
import Link from "next/link";
import { JOB_STATUSES, JOB_STATUS_LABELS } from "@/modules/jobs/job-status.ts";
import { listJobsQuery, type JobListItem } from "@/modules/jobs/jobs.schema.ts";
import { listJobs } from "@/modules/jobs/jobs.service.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, DataTable, EmptyState, formatDateTime, formatMoney, Input, PageHeader, StatusBadge, type DataTableColumn } from "@/ui";

export const metadata: Metadata = { title: "Jobs" };

type Search = Record<string, string | undefined>;

export default async function JobsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireTenantPage(policy.can("jobs.view"));
  const sp = await searchParams;
  const parsed = listJobsQuery.safeParse({ status: sp.status || undefined, q: sp.q || undefined, cursor: sp.cursor || undefined, limit: 50 });
  const query = parsed.success ? parsed.data : listJobsQuery.parse({ limit: 50 });
  const chrome = await loadChrome(ctx);
  const page = await loadOrUnavailable(() => listJobs(ctx, query));
  const keep = { ...(query.status ? { status: query.status } : {}), ...(query.q ? { q: query.q } : {}) };
  const more = page.nextCursor ? `/admin/jobs?${new URLSearchParams({ ...keep, cursor: page.nextCursor })}` : undefined;
  const filtered = !!(query.status || query.q);
  const canManage = can(ctx, "jobs.manage");

  const columns: DataTableColumn<JobListItem>[] = [
    {
      key: "number",
      header: "Job",
      cell: (j) => (
        <Link href={`/admin/jobs/${j.id}`} className="font-medium text-neutral-900 hover:underline">
          {j.number}
        </Link>
      ),
    },
    { key: "title", header: "Title", cell: (j) => j.title, maxWidth: "20rem" },
    { key: "client", header: "Client", cell: (j) => j.client.name, maxWidth: "14rem", hideBelow: "md" },
    { key: "postcode", header: "Postcode", cell: (j) => j.site?.postcode ?? "—", hideBelow: "lg" },
    { key: "status", header: "Status", cell: (j) => <StatusBadge status={j.status} label={JOB_STATUS_LABELS[j.status]} /> },
    { key: "next", header: "Next visit", cell: (j) => (j.nextVisitAt ? formatDateTime(j.nextVisitAt, chrome.timeZone) : "—"), hideBelow: "lg" },
    { key: "budget", header: "Budget", numeric: true, cell: (j) => (j.budgetNetPence ? formatMoney(j.budgetNetPence) : "—"), hideBelow: "md" },
  ];

  const chip = "rounded-full border border-neutral-300 px-3 py-1 aria-[current=page]:border-neutral-900 aria-[current=page]:bg-neutral-900 aria-[current=page]:text-white";
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        title="Jobs"
        subtitle="Work to do on site: from accepted quotes or booked directly."
        actions={canManage ? <Button href="/admin/jobs/new" iconStart="plus">New job</Button> : undefined}
      />
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        <Link href={`/admin/jobs${query.q ? `?${new URLSearchParams({ q: query.q })}` : ""}`} aria-current={!query.status ? "page" : undefined} className={chip}>
          All
        </Link>
        {JOB_STATUSES.map((s) => (
          <Link key={s} href={`/admin/jobs?${new URLSearchParams({ status: s, ...(query.q ? { q: query.q } : {}) })}`} aria-current={query.status === s ? "page" : undefined} className={chip}>
            {JOB_STATUS_LABELS[s]}
          </Link>
        ))}
      </nav>
      <Card padding="none">
        <form method="get" role="search" aria-label="Search jobs" className="flex flex-col gap-3 border-b border-neutral-200 p-4 sm:flex-row sm:items-end">
          {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
          <Input name="q" type="search" label="Search" placeholder="Job number, title, client or postcode" defaultValue={query.q ?? ""} containerClassName="sm:w-96" />
          <div className="flex gap-2">
            <Button type="submit" variant="secondary" iconStart="search">
              Search
            </Button>
            {filtered ? (
              <Button href="/admin/jobs" variant="ghost">
                Clear
              </Button>
            ) : null}
          </div>
        </form>
        <DataTable
          columns={columns}
          rows={page.items}
          rowKey={(j) => j.id}
          caption="Jobs"
          hasMore={!!page.nextCursor}
          loadMoreHref={more}
          empty={
            filtered ? (
              <EmptyState icon="search" title="No jobs match" text="Try another number, title, client or postcode, or clear the filters." action={<Button href="/admin/jobs" variant="secondary">Clear filters</Button>} />
            ) : (
              <EmptyState
                icon="jobs"
                title="No jobs yet"
                text="Convert an accepted quote from its page, or book a job directly for a client."
                {...(canManage ? { actionLabel: "New job", actionHref: "/admin/jobs/new" } : {})}
              />
            )
          }
        />
      </Card>
    </div>
  );
}
