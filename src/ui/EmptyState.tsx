import type { ReactNode } from "react";
import { Button } from "./Button";
import { cx } from "./cx";
import { renderIcon, type IconName } from "./icons";

export type EmptyStateProps = {
  title: ReactNode;
  /** What this list is for and what to do next. */
  text?: ReactNode;
  icon?: IconName | ReactNode;
  /** Any node (e.g. a <Button>), or use actionLabel + actionHref for the common case. */
  action?: ReactNode;
  actionLabel?: string;
  actionHref?: string;
  /** Heading level of the title; default 2. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
};

export function EmptyState({
  title,
  text,
  icon = "inbox",
  action,
  actionLabel,
  actionHref,
  headingLevel = 2,
  className,
}: EmptyStateProps) {
  const H = `h${headingLevel}` as "h2" | "h3" | "h4";
  return (
    <div className={cx("flex flex-col items-center px-6 py-12 text-center", className)}>
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-neutral-100 text-neutral-500">
        {renderIcon(icon, 24)}
      </div>
      <H className="text-base font-semibold text-neutral-900">{title}</H>
      {text ? <p className="mt-1 max-w-sm text-sm text-neutral-600">{text}</p> : null}
      {action ? (
        <div className="mt-5">{action}</div>
      ) : actionLabel && actionHref ? (
        <div className="mt-5">
          <Button href={actionHref} iconStart="plus">
            {actionLabel}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
