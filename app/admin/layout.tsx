import type { ReactNode } from "react";
import { loadChrome } from "@/server/http/portal.ts";
import { policy } from "@/server/http/operation.ts";
import { can, requireTenant, type TenantContext } from "@/server/context.ts";
import { requirePage } from "@/server/http/page.ts";
import { AdminShell, ToastProvider } from "@/ui";
import type { NavItem } from "@/ui/shells/nav";

/** Sections that exist today; each area adds its entry (and global search arrives) when it lands. */
function navFor(ctx: TenantContext): NavItem[] {
  return [
    { href: "/admin", label: "Dashboard", icon: "dashboard" },
    ...(can(ctx, "system.jobs.manage") ? [{ href: "/admin/system", label: "System", icon: "refresh" } as NavItem] : []),
    { href: "/admin/settings", label: "Settings", icon: "settings" },
  ];
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const ctx = requireTenant(await requirePage(policy.can("dashboard.view")));
  const chrome = await loadChrome(ctx);
  return (
    <ToastProvider>
      <AdminShell companyName={chrome.name} user={{ name: ctx.user.name, email: ctx.user.email }} nav={navFor(ctx)} searchAction={null}>
        {children}
      </AdminShell>
    </ToastProvider>
  );
}
