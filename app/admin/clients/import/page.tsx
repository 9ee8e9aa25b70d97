import type { Metadata } from "next";
import { ImportClients } from "@/modules/clients/components/ImportClients.tsx";
import { policy } from "@/server/http/operation.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Import clients" };

export default async function ImportClientsPage() {
  await requireTenantPage(policy.can("clients.manage"));
  return (
    <div className="mx-auto flex max-w-6xl flex-col">
      <PageHeader
        title="Import clients from CSV"
        subtitle="Check the file first: rows with errors are shown and skipped, the rest are imported together."
        back={{ href: "/admin/clients", label: "Clients" }}
      />
      <ImportClients />
    </div>
  );
}
