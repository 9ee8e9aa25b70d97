import type { Metadata } from "next";
import { PipelineStagesEditor } from "@/modules/enquiries/components/PipelineStagesEditor.tsx";
import { listStages } from "@/modules/enquiries/pipeline.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Pipeline" };

export default async function PipelineSettingsPage() {
  const ctx = await requireTenantPage(policy.can("settings.manage"));
  const stages = await loadOrUnavailable(() => listStages(ctx));
  return (
    <div className="mx-auto flex max-w-5xl flex-col">
      <PageHeader title="Pipeline" subtitle="The stages an enquiry moves through, from first contact to won or lost." back={{ href: "/admin/settings", label: "Settings" }} />
      <PipelineStagesEditor stages={stages.items} />
    </div>
  );
}
