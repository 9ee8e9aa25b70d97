"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "../cx";
import { renderIcon } from "../icons";
import { activeHref, type NavItem } from "./nav";

/** Fixed bottom tab bar for the engineer portal: ≥ 56px tall targets, safe-area aware. */
export function BottomNav({ items, active }: { items: ReadonlyArray<NavItem>; active?: string }) {
  const pathname = usePathname();
  const current = activeHref(items, active ?? pathname ?? undefined);
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-neutral-200 bg-white pb-[env(safe-area-inset-bottom)]"
    >
      <ul className="mx-auto flex max-w-screen-sm">
        {items.map((item) => {
          const isActive = item.href === current;
          return (
            <li key={item.href} className="min-w-0 flex-1">
              <Link
                href={item.href}
                aria-current={isActive ? "page" : undefined}
                className={cx(
                  "relative flex min-h-16 flex-col items-center justify-center gap-1 px-1 text-xs font-medium",
                  "focus-visible:-outline-offset-2",
                  isActive ? "text-brand-700" : "text-neutral-600 hover:text-neutral-900",
                )}
              >
                {isActive ? (
                  <span aria-hidden="true" className="absolute inset-x-5 top-0 h-0.5 rounded-b-full bg-brand-600" />
                ) : null}
                <span className="relative">
                  {renderIcon(item.icon, 24)}
                  {item.badge !== undefined && item.badge !== 0 ? (
                    <span className="figures absolute -top-1.5 -right-2.5 min-w-4.5 rounded-full bg-danger-600 px-1 text-center text-xs leading-4.5 font-semibold text-white">
                      {item.badge}
                    </span>
                  ) : null}
                </span>
                <span className="max-w-full truncate">{item.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
