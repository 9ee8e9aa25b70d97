import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/modules/identity/components/NotificationPreferencesForm.tsx";
import { getNotificationPreferences } from "@/modules/identity/notifications.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Email notifications" };

export default async function NotificationsPage() {
  const ctx = await requireTenantPage(policy.member());
  const prefs = await loadOrUnavailable(() => getNotificationPreferences(ctx));
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-2">
      <PageHeader title="Email notifications" subtitle="What Quantract emails you about in this company." />
      <NotificationPreferencesForm initial={prefs} />
    </div>
  );
}
