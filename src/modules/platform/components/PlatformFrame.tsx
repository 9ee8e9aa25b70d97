import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/modules/identity/components/SignOutButton.tsx";
import { ToastProvider, Wordmark } from "@/ui";

const SECTIONS = [
  { href: "/platform", label: "Companies" },
  { href: "/platform/jobs", label: "Failed jobs" },
];

/** The platform console's frame: wordmark, sections, the operator and sign-out. */
export function PlatformFrame({ email, active, children }: { email: string | undefined; active: string; children: ReactNode }) {
  return (
    <ToastProvider>
      <div className="min-h-dvh bg-neutral-50">
        <header className="flex min-h-14 flex-wrap items-center justify-between gap-3 border-b border-neutral-200 bg-white px-6 py-2">
          <div className="flex items-center gap-4">
            <Wordmark size="sm" />
            <span className="text-sm font-medium text-neutral-600">Platform console</span>
            <nav aria-label="Platform" className="flex gap-1">
              {SECTIONS.map((s) => (
                <Link
                  key={s.href}
                  href={s.href}
                  aria-current={s.href === active ? "page" : undefined}
                  className="rounded-md px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 aria-[current=page]:bg-neutral-100 aria-[current=page]:text-neutral-900"
                >
                  {s.label}
                </Link>
              ))}
            </nav>
          </div>
          <div className="flex items-center gap-3 text-sm text-neutral-600">
            <span>{email}</span>
            <SignOutButton variant="ghost" size="sm" />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl p-6">
          {children}
        </main>
      </div>
    </ToastProvider>
  );
}
