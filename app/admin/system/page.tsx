import type { Metadata } from "next";
import Link from "next/link";
import { FailedJobActions } from "@/modules/system/components/FailedJobActions.tsx";
import { QueueCountsTable, queueLabel } from "@/modules/system/components/QueueCountsTable.tsx";
import { jobsOverview } from "@/modules/system/system.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Card, EmptyState, formatDateTime, PageHeader, StatusBadge } from "@/ui";

export const metadata: Metadata = { title: "System" };

export default async function SystemPage() {
  const ctx = await requireTenantPage(policy.can("system.jobs.manage"));
  const chrome = await loadChrome(ctx);
  const overview = await loadOrUnavailable(() => jobsOverview(ctx));
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        title="System"
        subtitle="Background work: emails, documents and reminders."
        actions={
          <Link href="/admin/system/mailbox" className="text-sm font-medium text-neutral-900 underline-offset-4 hover:underline">
            Open the mailbox
          </Link>
        }
      />
      <Card title="Worker">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <StatusBadge status={overview.worker.status === "ok" ? "completed" : "failed"} label={overview.worker.status === "ok" ? "Worker running" : "Worker not responding"} />
          <span className="text-neutral-600">
            {overview.worker.lastSeenAt ? <>Last heartbeat {formatDateTime(overview.worker.lastSeenAt, chrome.timeZone)}</> : "No heartbeat yet: is `npm run worker` running?"}
          </span>
        </div>
      </Card>
      <Card title="Queues" padding="none" description="All companies' work shares these queues; failed jobs below are only yours.">
        <QueueCountsTable queues={overview.queues} />
      </Card>
      <Card title="Failed jobs" padding={overview.failed.length ? "none" : "md"}>
        {overview.failed.length === 0 ? (
          <EmptyState icon="checkCircle" title="No failed jobs" text="Jobs that fail after every retry appear here with the reason, so you can retry or remove them." headingLevel={3} />
        ) : (
          <ul className="divide-y divide-neutral-100">
            {overview.failed.map((j) => (
              <li key={`${j.queue}/${j.jobId}`} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0 text-sm">
                  <p className="font-medium">
                    {j.name} <span className="font-normal text-neutral-600">· {queueLabel(j.queue)}</span>
                  </p>
                  <p className="break-words text-danger-700">{j.reason}</p>
                  <p className="text-xs text-neutral-600">
                    {j.attempts} attempts · failed {j.failedAt ? formatDateTime(j.failedAt, chrome.timeZone) : "—"} · queued {formatDateTime(j.createdAt, chrome.timeZone)}
                  </p>
                  <pre className="mt-1 max-w-full overflow-x-auto rounded bg-neutral-50 p-2 text-xs text-neutral-700">{JSON.stringify(j.payload, null, 2)}</pre>
                </div>
                <FailedJobActions queue={j.queue} jobId={j.jobId} name={j.name} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
