import Link from "next/link";
import type { ReactNode } from "react";
import { cx } from "./cx";
import { Icon } from "./icons";
import { StatusBadge } from "./StatusBadge";

export type PageHeaderProps = {
  title: ReactNode;
  /** One line under the title: client name, address, date… */
  subtitle?: ReactNode;
  /** Key facts row (amounts, dates); rendered under the subtitle. */
  meta?: ReactNode;
  /** Status word shown as a StatusBadge next to the title. */
  status?: string;
  /** Primary/secondary actions, right-aligned on desktop, wrapping under the title on phones. */
  actions?: ReactNode;
  /** "Back to …" link above the title. */
  back?: { href: string; label: string };
  className?: string;
};

export function PageHeader({ title, subtitle, meta, status, actions, back, className }: PageHeaderProps) {
  return (
    <header className={cx("flex flex-col gap-3 pb-6", className)}>
      {back ? (
        <Link
          href={back.href}
          className="inline-flex w-fit items-center gap-1 rounded-sm text-sm font-medium text-neutral-600 hover:text-neutral-900"
        >
          <Icon name="arrowLeft" size={16} />
          {back.label}
        </Link>
      ) : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <h1 className="min-w-0 text-lg font-semibold tracking-tight break-words text-neutral-900 sm:text-xl">{title}</h1>
            {status ? <StatusBadge status={status} size="md" /> : null}
          </div>
          {subtitle ? <p className="mt-1 text-sm text-neutral-600">{subtitle}</p> : null}
          {meta ? (
            <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm text-neutral-700">{meta}</div>
          ) : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}

/** A labelled key figure for PageHeader `meta`: <MetaItem label="Total"><Money pence={…} /></MetaItem>. */
export function MetaItem({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <span className="text-xs font-medium text-neutral-500">{label}</span>
      <span className="font-medium text-neutral-900">{children}</span>
    </div>
  );
}
