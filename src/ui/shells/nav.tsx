import type { ReactNode } from "react";
import { cx } from "../cx";
import type { IconName } from "../icons";

export type NavItem = {
  href: string;
  label: string;
  /** An IconName ("dashboard", "invoice"…) or any element. */
  icon?: IconName | ReactNode;
  /** Small count shown at the right, e.g. new enquiries. */
  badge?: number | string;
};

/** Default admin sections (UI.md). Pass your own `nav` to AdminShell to change hrefs or add badges. */
export const adminNav: NavItem[] = [
  { href: "/admin", label: "Dashboard", icon: "dashboard" },
  { href: "/admin/enquiries", label: "Enquiries", icon: "inbox" },
  { href: "/admin/clients", label: "Clients", icon: "users" },
  { href: "/admin/quotes", label: "Quotes", icon: "quote" },
  { href: "/admin/jobs", label: "Jobs", icon: "wrench" },
  { href: "/admin/planner", label: "Planner", icon: "calendar" },
  { href: "/admin/invoices", label: "Invoices", icon: "invoice" },
  { href: "/admin/reports", label: "Reports", icon: "chart" },
  { href: "/admin/settings", label: "Settings", icon: "settings" },
];

export const engineerNav: NavItem[] = [
  { href: "/engineer", label: "Today", icon: "today" },
  { href: "/engineer/jobs", label: "Jobs", icon: "jobs" },
  { href: "/engineer/time", label: "Time", icon: "clock" },
  { href: "/engineer/more", label: "More", icon: "more" },
];

/**
 * The nav item that owns `active` (a pathname): exact match, else the longest href that is a
 * path prefix of it. So "/admin/jobs/123" highlights Jobs, and "/admin" only highlights Dashboard
 * on the dashboard itself.
 */
export function activeHref(items: ReadonlyArray<NavItem>, active: string | undefined): string | undefined {
  if (!active) return undefined;
  const path = active.split(/[?#]/)[0] ?? active;
  let best: string | undefined;
  for (const { href } of items) {
    if (path === href) return href;
    if (path.startsWith(href.endsWith("/") ? href : `${href}/`) && (!best || href.length > best.length)) {
      best = href;
    }
  }
  return best;
}

/** Square monogram used when a company has no logo in the admin chrome. */
export function CompanyMonogram({ name, className }: { name: string; className?: string }) {
  const initials =
    name
      .split(/\s+/)
      .filter((w) => /^[\p{L}\p{N}]/u.test(w))
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join("") || "?";
  return (
    <span
      aria-hidden="true"
      className={cx(
        "flex size-8 shrink-0 items-center justify-center rounded-md bg-neutral-900 text-xs font-semibold text-white",
        className,
      )}
    >
      {initials}
    </span>
  );
}
