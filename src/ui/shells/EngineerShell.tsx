import type { ReactNode } from "react";
import { SkipLink } from "../SkipLink";
import { BottomNav } from "./BottomNav";
import { engineerNav, type NavItem } from "./nav";

export type EngineerShellProps = {
  companyName: string;
  /** Screen title under the company name; rendered as the page's <h1> (so don't add another). */
  title?: string;
  /** Right side of the header: put <SyncStatus online pending /> (or any indicator) here. */
  status?: ReactNode;
  /** Bottom tabs; defaults to Today / Jobs / Time / More. */
  nav?: NavItem[];
  /** Current pathname; when omitted the tabs follow the URL. */
  active?: string;
  /** A notice that stays on every screen, above the header (e.g. "acting as another user"). */
  banner?: ReactNode;
  children: ReactNode;
};

/**
 * Phone-first engineer frame: compact sticky header, content padded clear of the fixed bottom
 * navigation (incl. the iOS home indicator), no horizontal scroll from 360px wide.
 */
export function EngineerShell({
  companyName,
  title,
  status,
  nav = engineerNav,
  active,
  banner,
  children,
}: EngineerShellProps) {
  return (
    <div className="min-h-dvh overflow-x-clip bg-neutral-50 text-base text-neutral-900">
      <SkipLink />
      <header className="sticky top-0 z-30 border-b border-neutral-200 bg-white pt-[env(safe-area-inset-top)]">
        {banner}
        <div className="mx-auto flex min-h-14 max-w-screen-sm items-center gap-3 px-4 py-2">
          <div className="min-w-0 flex-1">
            <p className={title ? "truncate text-xs font-medium text-neutral-600" : "truncate text-base font-semibold"}>
              {companyName}
            </p>
            {title ? <h1 className="truncate text-base font-semibold text-neutral-900">{title}</h1> : null}
          </div>
          {status ? <div className="shrink-0">{status}</div> : null}
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-screen-sm px-4 pt-4 pb-[calc(6rem+env(safe-area-inset-bottom))] focus:outline-none"
      >
        {children}
      </main>
      <BottomNav items={nav} active={active} />
    </div>
  );
}
