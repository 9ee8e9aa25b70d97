import type { Metadata } from "next";
import { ClientForm } from "@/modules/clients/components/ClientForm.tsx";
import { policy } from "@/server/http/operation.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { Card, PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Add client" };

export default async function NewClientPage() {
  await requireTenantPage(policy.can("clients.manage"));
  return (
    <div className="mx-auto flex max-w-3xl flex-col">
      <PageHeader title="Add client" subtitle="Contacts and sites are added on the client's page next." back={{ href: "/admin/clients", label: "Clients" }} />
      <Card>
        <ClientForm />
      </Card>
    </div>
  );
}
