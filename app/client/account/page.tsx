import type { Metadata } from "next";
import Link from "next/link";
import { AccountSecurity } from "@/modules/identity/components/AccountSecurity.tsx";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Icon } from "@/ui";

export const metadata: Metadata = { title: "Account security" };

export default async function ClientAccount() {
  const ctx = await requireTenantPage(policy.can("client.portal"));
  const chrome = await loadChrome(ctx);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/client" className="inline-flex items-center gap-1 text-sm font-medium text-neutral-600 hover:text-neutral-900">
          <Icon name="arrowLeft" size={16} />
          Your account
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Account security</h1>
      </div>
      <AccountSecurity ctx={ctx} timeZone={chrome.timeZone} showCompanies />
    </div>
  );
}
