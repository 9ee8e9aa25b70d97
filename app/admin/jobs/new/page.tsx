import type { Metadata } from "next";
import { getClient } from "@/modules/clients/clients.service.ts";
import { JobForm } from "@/modules/jobs/components/JobForm.tsx";
import { nullIfNotFound } from "@/server/errors/errors.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { Card, PageHeader } from "@/ui";

export const metadata: Metadata = { title: "New job" };

export default async function NewJobPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireTenantPage(policy.can("jobs.manage"));
  const { clientId } = await searchParams;
  // A client named in the link (from the client's page) is chosen already; any other is searched for.
  const initial = clientId && /^[0-9a-f-]{36}$/i.test(clientId) ? await loadOrUnavailable(() => getClient(ctx, clientId).catch(nullIfNotFound)) : null;
  return (
    <div className="mx-auto flex max-w-2xl flex-col">
      <PageHeader title="New job" back={{ href: "/admin/jobs", label: "Jobs" }} subtitle="Book work directly; to start from an accepted quote, use Convert to job on the quote." />
      <Card>
        <JobForm initialClient={initial && !initial.archivedAt ? { id: initial.id, name: initial.name } : null} />
      </Card>
    </div>
  );
}
