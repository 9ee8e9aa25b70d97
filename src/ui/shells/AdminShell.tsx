import type { ReactNode } from "react";
import { SkipLink } from "../SkipLink";
import { Wordmark } from "../Wordmark";
import { AdminMobileNav } from "./AdminMobileNav";
import { GlobalSearch } from "./GlobalSearch";
import { adminNav, CompanyMonogram, type NavItem } from "./nav";
import { SidebarNavList } from "./SidebarNav";
import { UserMenu } from "./UserMenu";

export type AdminShellProps = {
  companyName: string;
  user: { name: string; email?: string };
  /** Sidebar sections; defaults to `adminNav` (Dashboard … Settings). */
  nav?: NavItem[];
  /** Current pathname. Optional: when omitted the nav follows the URL (layouts don't get the path). */
  active?: string;
  /** Global search form target (GET ?q=). Default "/admin/search"; null hides the search box. */
  searchAction?: string | null;
  searchQuery?: string;
  /** Extra links in the user menu. */
  userLinks?: ReadonlyArray<{ href: string; label: string }>;
  /** Controls before the user menu (e.g. a company switcher). */
  headerExtra?: ReactNode;
  /** A notice that stays on every page, above the header (e.g. "acting as another user"). */
  banner?: ReactNode;
  children: ReactNode;
};

/**
 * Office portal frame: left sidebar (≥ 1024px), header with global search ("/" focuses it),
 * company name and user menu. Below 1024px the sidebar becomes a menu-button drawer.
 * Always Quantract-branded: never applies a company colour.
 */
export function AdminShell({
  companyName,
  user,
  nav = adminNav,
  active,
  searchAction,
  searchQuery,
  userLinks,
  headerExtra,
  banner,
  children,
}: AdminShellProps) {
  return (
    <div className="min-h-dvh bg-white text-sm text-neutral-900">
      <SkipLink />

      <aside className="fixed inset-y-0 left-0 z-20 hidden w-60 flex-col border-r border-neutral-200 bg-neutral-50 lg:flex">
        <div className="flex h-14 shrink-0 items-center gap-2.5 border-b border-neutral-200 px-4">
          <CompanyMonogram name={companyName} />
          <p className="line-clamp-2 min-w-0 text-sm leading-tight font-semibold text-neutral-900" title={companyName}>
            {companyName}
          </p>
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
          <SidebarNavList items={nav} active={active} />
        </nav>
        <div className="shrink-0 border-t border-neutral-200 px-4 py-3 text-xs text-neutral-500">
          <Wordmark size="sm" tone="muted" />
        </div>
      </aside>

      <div className="flex min-h-dvh flex-col lg:pl-60">
        <header className="sticky top-0 z-30 border-b border-neutral-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/85">
          {banner}
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2.5 lg:h-14 lg:flex-nowrap lg:px-6 lg:py-0">
            <AdminMobileNav items={nav} active={active} companyName={companyName} />
            <p className="min-w-0 flex-1 truncate text-sm font-semibold text-neutral-900 lg:hidden">
              {companyName}
            </p>
            {searchAction !== null ? (
              <GlobalSearch
                action={searchAction}
                defaultValue={searchQuery}
                className="order-last w-full lg:order-none lg:w-auto lg:max-w-md lg:flex-1"
              />
            ) : null}
            <div className="flex items-center gap-2 lg:ml-auto">
              {headerExtra ? <div className="hidden sm:block">{headerExtra}</div> : null}
              <UserMenu name={user.name} email={user.email} links={userLinks} />
            </div>
          </div>
        </header>

        <main id="main" tabIndex={-1} className="w-full flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
          <div className="mx-auto w-full max-w-7xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
