"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "../cx";
import { renderIcon } from "../icons";
import { activeHref, type NavItem } from "./nav";

/** Vertical nav list (admin sidebar and drawer). Without `active`, follows the current URL. */
export function SidebarNavList({
  items,
  active,
  onNavigate,
}: {
  items: ReadonlyArray<NavItem>;
  active?: string;
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  const current = activeHref(items, active ?? pathname ?? undefined);
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map((item) => {
        const isActive = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={isActive ? "page" : undefined}
              className={cx(
                "group flex h-9 items-center gap-3 rounded-md px-2.5 text-sm font-medium transition-colors",
                isActive
                  ? "bg-white text-neutral-900 shadow-xs ring-1 ring-neutral-200"
                  : "text-neutral-700 hover:bg-neutral-200/60 hover:text-neutral-900",
              )}
            >
              <span
                className={cx(
                  "flex size-5 shrink-0 items-center justify-center",
                  isActive ? "text-brand-600" : "text-neutral-500 group-hover:text-neutral-700",
                )}
              >
                {renderIcon(item.icon, 18)}
              </span>
              <span className="min-w-0 flex-1 truncate">{item.label}</span>
              {item.badge !== undefined && item.badge !== 0 ? (
                <span className="figures rounded-full bg-neutral-200 px-1.5 text-xs font-medium text-neutral-700">
                  {item.badge}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

