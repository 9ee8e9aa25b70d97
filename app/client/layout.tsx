import type { ReactNode } from "react";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { ClientShell } from "@/ui";

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const ctx = await requireTenantPage(policy.can("client.portal"));
  const chrome = await loadChrome(ctx);
  return (
    <ClientShell companyName={chrome.name} brandColor={chrome.brandColor} phone={chrome.phone} email={chrome.email}>
      {children}
    </ClientShell>
  );
}
