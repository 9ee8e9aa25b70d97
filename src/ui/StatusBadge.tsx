import { cx } from "./cx";

export type StatusTone = "neutral" | "info" | "progress" | "success" | "warning" | "danger" | "void";

/**
 * The one status vocabulary (UI.md): draft = grey, sent/scheduled = blue, viewed/in progress = violet,
 * accepted/paid/completed = green, on hold/part-paid = amber, declined/overdue/failed = red,
 * void/cancelled = grey struck through. Keys are normalised: lower case, "_" and "-" → space.
 */
const TONES: Record<string, StatusTone> = {
  draft: "neutral",
  sent: "info",
  scheduled: "info",
  new: "info",
  queued: "info",
  viewed: "progress",
  "in progress": "progress",
  processing: "progress",
  accepted: "success",
  paid: "success",
  completed: "success",
  complete: "success",
  active: "success",
  "on hold": "warning",
  "part paid": "warning",
  "partially paid": "warning",
  declined: "danger",
  overdue: "danger",
  failed: "danger",
  rejected: "danger",
  void: "void",
  voided: "void",
  cancelled: "void",
  canceled: "void",
};

const LABELS: Record<string, string> = {
  "part paid": "Part-paid",
  canceled: "Cancelled",
};

const toneClasses: Record<StatusTone, { badge: string; dot: string }> = {
  neutral: { badge: "bg-neutral-100 text-neutral-700 ring-neutral-200", dot: "bg-neutral-500" },
  info: { badge: "bg-info-50 text-info-800 ring-info-200", dot: "bg-info-600" },
  progress: { badge: "bg-progress-50 text-progress-800 ring-progress-200", dot: "bg-progress-600" },
  success: { badge: "bg-success-50 text-success-800 ring-success-200", dot: "bg-success-600" },
  warning: { badge: "bg-warning-50 text-warning-800 ring-warning-200", dot: "bg-warning-500" },
  danger: { badge: "bg-danger-50 text-danger-800 ring-danger-200", dot: "bg-danger-600" },
  void: { badge: "bg-neutral-100 text-neutral-600 ring-neutral-200 line-through", dot: "bg-neutral-400" },
};

export function normaliseStatus(status: string): string {
  return status.trim().toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ");
}

/** Tone for a status word; unknown words are neutral grey. */
export function statusTone(status: string): StatusTone {
  return TONES[normaliseStatus(status)] ?? "neutral";
}

/** Human label: "IN_PROGRESS" → "In progress", "part-paid" → "Part-paid". */
export function statusLabel(status: string): string {
  const key = normaliseStatus(status);
  const known = LABELS[key];
  if (known) return known;
  return key.charAt(0).toUpperCase() + key.slice(1);
}

export type StatusBadgeProps = {
  /** Status word in any case/format: "paid", "IN_PROGRESS", "part-paid"… */
  status: string;
  /** Override the visible text (the colour still comes from `status`). */
  label?: string;
  /** Force a tone for a status word outside the shared vocabulary. */
  tone?: StatusTone;
  size?: "sm" | "md";
  className?: string;
};

/** Coloured pill that always carries the status in words (never colour alone). */
export function StatusBadge({ status, label, tone, size = "sm", className }: StatusBadgeProps) {
  const t = tone ?? statusTone(status);
  const c = toneClasses[t];
  return (
    <span
      className={cx(
        "inline-flex shrink-0 items-center gap-1.5 rounded-full font-medium whitespace-nowrap ring-1 ring-inset",
        size === "sm" ? "h-5.5 px-2 text-xs" : "h-7 px-2.5 text-sm",
        c.badge,
        className,
      )}
    >
      <span aria-hidden="true" className={cx("size-1.5 rounded-full", c.dot)} />
      {label ?? statusLabel(status)}
    </span>
  );
}
