import type { Metadata } from "next";
import { listClients } from "@/modules/clients/clients.service.ts";
import { JobForm } from "@/modules/jobs/components/JobForm.tsx";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { Card, PageHeader } from "@/ui";

export const metadata: Metadata = { title: "New job" };

export default async function NewJobPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireTenantPage(policy.can("jobs.manage"));
  const { clientId } = await searchParams;
  const clients = await loadOrUnavailable(() => listClients(ctx, { limit: 100, archived: "exclude" }));
  const options = clients.items.map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="mx-auto flex max-w-2xl flex-col">
      <PageHeader title="New job" back={{ href: "/admin/jobs", label: "Jobs" }} subtitle="Book work directly; to start from an accepted quote, use Convert to job on the quote." />
      <Card>
        <JobForm clients={options} initialClientId={options.some((c) => c.id === clientId) ? clientId : undefined} />
      </Card>
    </div>
  );
}
