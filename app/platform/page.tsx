import type { Metadata } from "next";
import { PlatformFrame } from "@/modules/platform/components/PlatformFrame.tsx";
import { listTenants } from "@/modules/platform/platform.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable, requirePage } from "@/server/http/page.ts";
import { TenantStatusAction } from "@/modules/platform/components/TenantStatusAction.tsx";
import { Card, formatDate, PageHeader, StatusBadge } from "@/ui";

export const metadata: Metadata = { title: "Platform" };

export default async function PlatformConsole() {
  const ctx = await requirePage(policy.operator());
  const tenants = await loadOrUnavailable(() => listTenants(ctx));
  return (
    <PlatformFrame email={ctx.user?.email} active="/platform">
        <PageHeader title="Companies" subtitle={`${tenants.length} tenants. Counts and status only; tenant business data stays with each company.`} />
        <Card padding="none">
          <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-neutral-200 text-left text-xs text-neutral-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Company</th>
                <th scope="col" className="px-4 py-2 font-medium">Status</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Users</th>
                <th scope="col" className="px-4 py-2 font-medium">Last activity</th>
                <th scope="col" className="px-4 py-2 font-medium">Created</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {tenants.map((t) => (
                <tr key={t.id}>
                  <td className="px-4 py-3">
                    <span className="block font-medium text-neutral-900">{t.name}</span>
                    <span className="text-xs text-neutral-600">{t.slug}</span>
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={t.status === "SUSPENDED" ? "failed" : t.status === "TRIAL" ? "scheduled" : "completed"} label={t.status === "SUSPENDED" ? "Suspended" : t.status === "TRIAL" ? "Trial" : "Active"} />
                    {t.status === "SUSPENDED" && t.statusReason ? <span className="mt-1 block max-w-56 text-xs text-neutral-600">{t.statusReason}</span> : null}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{t.userCount}</td>
                  <td className="px-4 py-3">{t.lastActivityAt ? formatDate(t.lastActivityAt, "Europe/London") : "—"}</td>
                  <td className="px-4 py-3">{formatDate(t.createdAt, "Europe/London")}</td>
                  <td className="px-4 py-3 text-right">
                    <TenantStatusAction id={t.id} name={t.name} suspended={t.status === "SUSPENDED"} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </Card>
    </PlatformFrame>
  );
}
