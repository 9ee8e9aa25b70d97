import type { Metadata } from "next";
import { AuditTimeline } from "@/modules/audit/components/AuditTimeline.tsx";
import { ExportHistoryButton } from "@/modules/audit/components/ExportHistoryButton.tsx";
import { listAuditEvents } from "@/modules/audit/audit.service.ts";
import { CompanySettingsForm } from "@/modules/company/components/CompanySettingsForm.tsx";
import { getCompany } from "@/modules/company/company.service.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { Card, PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Company settings" };

export default async function CompanySettingsPage() {
  const ctx = await requireTenantPage(policy.can("company.view"));
  const [company, history] = await loadOrUnavailable(() =>
    Promise.all([getCompany(ctx), listAuditEvents(ctx, { entityType: "Company", entityId: ctx.companyId, limit: 20 })]),
  );
  return (
    <div className="mx-auto grid max-w-6xl gap-6 xl:grid-cols-[1fr_20rem]">
      <div className="flex min-w-0 flex-col">
        <PageHeader title="Company settings" back={{ href: "/admin/settings", label: "Settings" }} />
        <CompanySettingsForm company={company} canEdit={can(ctx, "settings.manage")} />
      </div>
      <Card className="h-fit xl:mt-16">
        <AuditTimeline title="Change history" events={history.items} timeZone={company.timeZone} />
        {history.items.length > 0 ? (
          <div className="mt-4">
            <ExportHistoryButton entityType="Company" entityId={ctx.companyId} label="Company settings" />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
