import { cx } from "./cx";

export type WordmarkProps = {
  /** "sm" for chrome (20px mark), "md" default (28px). */
  size?: "sm" | "md";
  /** "muted" for footers/sidebars. */
  tone?: "default" | "muted";
  /** Mark only (still named "Quantract" for assistive tech). */
  compact?: boolean;
  className?: string;
};

/** The Quantract mark + name. */
export function Wordmark({ size = "md", tone = "default", compact = false, className }: WordmarkProps) {
  const px = size === "sm" ? 20 : 28;
  return (
    <span
      className={cx(
        "inline-flex items-center",
        tone === "muted" ? "text-neutral-600" : "text-neutral-900",
        size === "sm" ? "gap-1.5" : "gap-2",
        className,
      )}
    >
      <svg width={px} height={px} viewBox="0 0 28 28" aria-hidden="true" focusable="false" className="shrink-0">
        <rect width="28" height="28" rx="7" className="fill-brand-600" />
        <circle cx="13.5" cy="13.5" r="6.25" fill="none" stroke="white" strokeWidth="2.5" />
        <path d="m16.5 16.5 4.5 4.5" stroke="white" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      {compact ? (
        <span className="sr-only">Quantract</span>
      ) : (
        <span className={cx("font-semibold tracking-tight", size === "sm" ? "text-sm" : "text-lg")}>Quantract</span>
      )}
    </span>
  );
}
