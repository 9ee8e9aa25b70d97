import { cx } from "./cx";

export type SyncStatusProps = {
  online: boolean;
  /** Actions saved on the device and waiting to sync. */
  pending?: number;
  className?: string;
};

/** Compact "Online · 3 to sync" pill for the engineer header. Announces changes politely. */
export function SyncStatus({ online, pending = 0, className }: SyncStatusProps) {
  const waiting = pending > 0 ? `${pending} to sync` : null;
  return (
    <span
      role="status"
      className={cx(
        "inline-flex h-8 shrink-0 items-center gap-1.5 rounded-full px-3 text-xs font-medium ring-1 ring-inset",
        online
          ? "bg-success-50 text-success-800 ring-success-200"
          : "bg-warning-50 text-warning-800 ring-warning-200",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={cx("size-2 rounded-full", online ? "bg-success-600" : "bg-warning-600")}
      />
      {online ? "Online" : "Offline"}
      {waiting ? <span className="figures">· {waiting}</span> : null}
    </span>
  );
}
