import type { ReactNode } from "react";
import { ImpersonationBanner } from "@/modules/identity/components/ImpersonationBanner.tsx";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { ClientShell, ToastProvider } from "@/ui";

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const ctx = await requireTenantPage(policy.can("client.portal"));
  const chrome = await loadChrome(ctx);
  return (
    <ToastProvider>
      <ClientShell
        companyName={chrome.name}
        brandColor={chrome.brandColor}
        phone={chrome.phone}
        email={chrome.email}
        banner={ctx.impersonatorId ? <ImpersonationBanner name={ctx.user.name} role={ctx.role} /> : null}
      >
        {children}
      </ClientShell>
    </ToastProvider>
  );
}
