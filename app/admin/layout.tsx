import type { ReactNode } from "react";
import { listMyCompanies } from "@/modules/identity/account.service.ts";
import { CompanySwitcher } from "@/modules/identity/components/CompanySwitcher.tsx";
import { ImpersonationBanner } from "@/modules/identity/components/ImpersonationBanner.tsx";
import { loadChrome } from "@/server/http/portal.ts";
import { policy } from "@/server/http/operation.ts";
import { can, requireTenant, type TenantContext } from "@/server/context.ts";
import { loadOrUnavailable, requirePage } from "@/server/http/page.ts";
import { AdminShell, ToastProvider } from "@/ui";
import type { NavItem } from "@/ui/shells/nav";

/** Sections that exist today; each area adds its entry (and global search arrives) when it lands. */
function navFor(ctx: TenantContext): NavItem[] {
  return [
    { href: "/admin", label: "Dashboard", icon: "dashboard" },
    ...(can(ctx, "enquiries.manage") ? [{ href: "/admin/enquiries", label: "Enquiries", icon: "inbox" } as NavItem] : []),
    ...(can(ctx, "clients.view") ? [{ href: "/admin/clients", label: "Clients", icon: "users" } as NavItem] : []),
    ...(can(ctx, "quotes.manage") ? [{ href: "/admin/quotes", label: "Quotes", icon: "quote" } as NavItem] : []),
    ...(can(ctx, "jobs.view") ? [{ href: "/admin/jobs", label: "Jobs", icon: "jobs" } as NavItem] : []),
    ...(can(ctx, "timesheets.approve") ? [{ href: "/admin/timesheets", label: "Timesheets", icon: "clock" } as NavItem] : []),
    ...(can(ctx, "jobs.view") ? [{ href: "/admin/planner", label: "Planner", icon: "calendar" } as NavItem] : []),
    ...(can(ctx, "invoices.view") ? [{ href: "/admin/invoices", label: "Invoices", icon: "invoice" } as NavItem] : []),
    ...(can(ctx, "reports.view") ? [{ href: "/admin/reports", label: "Reports", icon: "chart" } as NavItem] : []),
    ...(can(ctx, "system.jobs.manage") ? [{ href: "/admin/system", label: "System", icon: "refresh" } as NavItem] : []),
    { href: "/admin/settings", label: "Settings", icon: "settings" },
  ];
}

/** While the company's MFA requirement holds the session, only the account security page is open. */
const ENROLMENT_NAV: NavItem[] = [{ href: "/admin/account/security", label: "Account security", icon: "settings" }];

const USER_LINKS = [
  { href: "/admin/account/security", label: "Account security" },
  { href: "/admin/account/notifications", label: "Email notifications" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const own = await requirePage(policy.ownAccount());
  const ctx = own.mfaEnrolmentPending ? requireTenant(own) : requireTenant(await requirePage(policy.can("dashboard.view")));
  const [chrome, companies] = await Promise.all([loadChrome(ctx), loadOrUnavailable(() => listMyCompanies(ctx))]);
  return (
    <ToastProvider>
      <AdminShell
        companyName={chrome.name}
        user={{ name: ctx.user.name, email: ctx.user.email }}
        nav={ctx.mfaEnrolmentPending ? ENROLMENT_NAV : navFor(ctx)}
        searchAction={null}
        userLinks={USER_LINKS}
        headerExtra={companies.length > 1 && !ctx.impersonatorId && !ctx.mfaEnrolmentPending ? <CompanySwitcher companies={companies} /> : null}
        banner={ctx.impersonatorId ? <ImpersonationBanner name={ctx.user.name} role={ctx.role} /> : null}
      >
        {children}
      </AdminShell>
    </ToastProvider>
  );
}
