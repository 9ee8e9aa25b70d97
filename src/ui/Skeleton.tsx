import type { CSSProperties } from "react";
import { cx } from "./cx";

export type SkeletonProps = {
  className?: string;
  width?: CSSProperties["width"];
  height?: CSSProperties["height"];
  /** "full" for avatars and pills. */
  rounded?: "md" | "full";
};

/** Grey placeholder block; hidden from assistive tech (announce loading on the container instead). */
export function Skeleton({ className, width, height, rounded = "md" }: SkeletonProps) {
  return (
    <span
      aria-hidden="true"
      className={cx(
        "block bg-neutral-200/80 motion-safe:animate-pulse",
        rounded === "full" ? "rounded-full" : "rounded-md",
        height === undefined && "h-4",
        className,
      )}
      style={{ width, height }}
    />
  );
}

/** A few lines of text placeholder, the last one shorter. */
export function SkeletonText({ lines = 3, className }: { lines?: number; className?: string }) {
  return (
    <span className={cx("flex flex-col gap-2", className)} aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} width={i === lines - 1 && lines > 1 ? "60%" : "100%"} />
      ))}
    </span>
  );
}
