import type { ReactNode } from "react";
import { ConnectionStatus } from "@/modules/identity/components/ConnectionStatus.tsx";
import { ImpersonationBanner } from "@/modules/identity/components/ImpersonationBanner.tsx";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { EngineerShell, ToastProvider } from "@/ui";
import type { NavItem } from "@/ui/shells/nav";

/** Tabs that exist today; Jobs and Time arrive with field operations. */
const NAV: NavItem[] = [
  { href: "/engineer", label: "Today", icon: "today" },
  { href: "/engineer/more", label: "More", icon: "more" },
];

export default async function EngineerLayout({ children }: { children: ReactNode }) {
  const ctx = await requireTenantPage(policy.can("jobs.view.assigned"));
  const chrome = await loadChrome(ctx);
  return (
    <ToastProvider>
      <EngineerShell
        companyName={chrome.name}
        status={<ConnectionStatus />}
        nav={NAV}
        banner={ctx.impersonatorId ? <ImpersonationBanner name={ctx.user.name} role={ctx.role} /> : null}
      >
        {children}
      </EngineerShell>
    </ToastProvider>
  );
}
