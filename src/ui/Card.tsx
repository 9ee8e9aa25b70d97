import { useId, type ComponentPropsWithRef, type ReactNode } from "react";
import { cx } from "./cx";

export type CardProps = Omit<ComponentPropsWithRef<"section">, "title"> & {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons/links shown at the right of the card header. */
  actions?: ReactNode;
  /** Footer row (e.g. totals or "View all"). */
  footer?: ReactNode;
  /** "none" lets a table or list run edge to edge. Default "md". */
  padding?: "none" | "sm" | "md" | "lg";
  /** Heading level for the title; default 2. */
  headingLevel?: 2 | 3 | 4;
};

const pad = { none: "", sm: "p-3", md: "p-4 sm:p-5", lg: "p-5 sm:p-8" } as const;

/** White surface with a hairline border. With a title it renders as a labelled <section>. */
export function Card({
  title,
  description,
  actions,
  footer,
  padding = "md",
  headingLevel = 2,
  className,
  children,
  ...rest
}: CardProps) {
  const H = `h${headingLevel}` as "h2" | "h3" | "h4";
  const titleId = useId();
  const hasHeader = title || description || actions;
  return (
    <section
      className={cx("min-w-0 rounded-lg border border-neutral-200 bg-white shadow-xs", className)}
      aria-labelledby={title ? titleId : undefined}
      {...rest}
    >
      {hasHeader ? (
        <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-neutral-200 px-4 py-3 sm:px-5">
          <div className="min-w-0">
            {title ? (
              <H id={titleId} className="text-base font-semibold text-neutral-900">
                {title}
              </H>
            ) : null}
            {description ? <p className="mt-0.5 text-sm text-neutral-600">{description}</p> : null}
          </div>
          {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      <div className={pad[padding]}>{children}</div>
      {footer ? (
        <footer className="rounded-b-lg border-t border-neutral-200 bg-neutral-50 px-4 py-3 sm:px-5">{footer}</footer>
      ) : null}
    </section>
  );
}
