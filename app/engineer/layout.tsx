import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { EngineerOfflineProvider, EngineerSyncStatus } from "@/modules/engineer/components/EngineerOffline.tsx";
import { LazyImpersonationBanner } from "@/modules/engineer/components/LazyImpersonationBanner.tsx";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { EngineerShell } from "@/ui/shells/EngineerShell";
import type { NavItem } from "@/ui/shells/nav";

/** The installable engineer app (public/manifest.webmanifest, service worker public/sw.js). */
export const metadata: Metadata = {
  manifest: "/manifest.webmanifest",
  appleWebApp: { capable: true, title: "Quantract", statusBarStyle: "default" },
  icons: { apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = { themeColor: "#4f46e5" };

/** Time is clocked per job, on the job screen; the Time tab arrives with the timesheet views. */
const NAV: NavItem[] = [
  { href: "/engineer", label: "Today", icon: "today" },
  { href: "/engineer/jobs", label: "Jobs", icon: "jobs" },
  { href: "/engineer/more", label: "More", icon: "more" },
];

export default async function EngineerLayout({ children }: { children: ReactNode }) {
  const ctx = await requireTenantPage(policy.can("jobs.view.assigned"));
  const chrome = await loadChrome(ctx);
  return (
    // No ToastProvider here: the job screen's lazily loaded part and the account page bring their
    // own, which keeps Toast out of every engineer page's first-load JavaScript.
    <EngineerOfflineProvider userId={ctx.user.id} companyId={ctx.companyId}>
      <EngineerShell
        companyName={chrome.name}
        status={<EngineerSyncStatus />}
        nav={NAV}
        banner={ctx.impersonatorId ? <LazyImpersonationBanner name={ctx.user.name} role={ctx.role} /> : null}
      >
        {children}
      </EngineerShell>
    </EngineerOfflineProvider>
  );
}
