import type { Metadata } from "next";
import { PlatformFrame } from "@/modules/platform/components/PlatformFrame.tsx";
import { QueueCountsTable, queueLabel } from "@/modules/system/components/QueueCountsTable.tsx";
import { platformJobs } from "@/modules/platform/platform.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable, requirePage } from "@/server/http/page.ts";
import { Card, EmptyState, formatDateTime, PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Failed jobs · Platform" };

export default async function PlatformJobsPage() {
  const ctx = await requirePage(policy.operator());
  const { queues, failed } = await loadOrUnavailable(() => platformJobs(ctx));
  return (
    <PlatformFrame email={ctx.user?.email} active="/platform/jobs">
      <PageHeader title="Failed jobs" subtitle="Across every company. Payloads show ids only; addresses and content are redacted." />
      <div className="flex flex-col gap-6">
        <Card title="Queues" padding="none">
          <QueueCountsTable queues={queues} />
        </Card>
        <Card title={`Failed jobs (${failed.length})`} padding={failed.length ? "none" : "md"}>
          {failed.length === 0 ? (
            <EmptyState icon="checkCircle" title="No failed jobs" text="Jobs that fail after every retry, in any company, are listed here." headingLevel={3} />
          ) : (
            <ul className="divide-y divide-neutral-100">
              {failed.map((j) => (
                <li key={`${j.queue}/${j.jobId}`} className="px-4 py-3 text-sm">
                  <p className="font-medium">
                    {j.name} <span className="font-normal text-neutral-600">· {queueLabel(j.queue)} · company {String(j.payload.companyId ?? "—")}</span>
                  </p>
                  <p className="break-words text-danger-700">{j.reason}</p>
                  <p className="text-xs text-neutral-600">
                    {j.attempts} attempts · failed {j.failedAt ? formatDateTime(j.failedAt, "Europe/London") : "—"}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </PlatformFrame>
  );
}
