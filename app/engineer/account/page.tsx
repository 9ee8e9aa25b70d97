import type { Metadata } from "next";
import { AccountSecurity } from "@/modules/identity/components/AccountSecurity.tsx";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { ToastProvider } from "@/ui/Toast";

export const metadata: Metadata = { title: "Account security" };

export default async function EngineerAccount() {
  const ctx = await requireTenantPage(policy.can("jobs.view.assigned"));
  const chrome = await loadChrome(ctx);
  return (
    // Toasts for the security panels (the engineer layout has none: see JobFieldwork).
    <ToastProvider>
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Account security</h1>
        <AccountSecurity ctx={ctx} timeZone={chrome.timeZone} showCompanies />
      </div>
    </ToastProvider>
  );
}
