import type { Metadata } from "next";
import { EnquiryForm } from "@/modules/enquiries/components/EnquiryForm.tsx";
import { listOwnerOptions } from "@/modules/enquiries/enquiries.service.ts";
import { listStages } from "@/modules/enquiries/pipeline.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Add enquiry" };

export default async function NewEnquiryPage() {
  const ctx = await requireTenantPage(policy.can("enquiries.manage"));
  const [owners, stages] = await loadOrUnavailable(() => Promise.all([listOwnerOptions(ctx), listStages(ctx)]));
  return (
    <div className="mx-auto flex max-w-3xl flex-col">
      <PageHeader title="Add enquiry" subtitle="Someone phoned or emailed about work: note it here so it isn't lost." back={{ href: "/admin/enquiries", label: "Enquiries" }} />
      <EnquiryForm mode="create" owners={owners} stages={stages.items.map((s) => ({ id: s.id, name: s.name }))} />
    </div>
  );
}
