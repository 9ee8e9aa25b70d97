import type { ReactNode } from "react";
import { Button } from "./Button";
import { cx } from "./cx";
import { EmptyState } from "./EmptyState";
import { Skeleton } from "./Skeleton";

export type DataTableColumn<T> = {
  /** Stable key for React and the default header id. */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Money, counts, quantities: right-aligned with tabular figures. */
  numeric?: boolean;
  align?: "left" | "center" | "right";
  /** CSS width for the column, e.g. "8rem" or "20%". */
  width?: string;
  /** Truncate long content with an ellipsis beyond this width, e.g. "18rem". */
  maxWidth?: string;
  /** Hide the column on narrow screens. */
  hideBelow?: "sm" | "md" | "lg" | "xl";
  /** Allow the cell to wrap (default: single line). */
  wrap?: boolean;
  className?: string;
};

export type DataTableProps<T> = {
  columns: ReadonlyArray<DataTableColumn<T>>;
  rows: ReadonlyArray<T>;
  rowKey: (row: T) => string;
  /** Describes the table for assistive tech (visually hidden unless showCaption). */
  caption: string;
  showCaption?: boolean;
  /** First load: renders skeleton rows (when there are no rows yet) and sets aria-busy. */
  loading?: boolean;
  skeletonRows?: number;
  /** Shown instead of the table when there are no rows (an EmptyState with the next action). */
  empty?: ReactNode;
  /** Cursor pagination: show a "Load more" button when true. */
  hasMore?: boolean;
  /** Client-side load more… */
  onLoadMore?: () => void;
  /** …or a URL carrying the next cursor (works without JS). */
  loadMoreHref?: string;
  loadingMore?: boolean;
  /** Optional <tfoot> content, e.g. totals (render <tr>/<td> yourself). */
  footer?: ReactNode;
  rowClassName?: (row: T) => string | undefined;
  density?: "compact" | "comfortable";
  className?: string;
};

const hide = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
  xl: "hidden xl:table-cell",
} as const;

function alignOf<T>(c: DataTableColumn<T>): "left" | "center" | "right" {
  return c.align ?? (c.numeric ? "right" : "left");
}

const alignClass = { left: "text-left", center: "text-center", right: "text-right" } as const;

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  showCaption = false,
  loading = false,
  skeletonRows = 5,
  empty,
  hasMore = false,
  onLoadMore,
  loadMoreHref,
  loadingMore = false,
  footer,
  rowClassName,
  density = "compact",
  className,
}: DataTableProps<T>) {
  const cellPad = density === "compact" ? "px-3 py-2.5 first:pl-4 last:pr-4" : "px-3 py-3.5 first:pl-4 last:pr-4";

  if (!loading && rows.length === 0) {
    return (
      <div className={className}>
        {empty ?? <EmptyState title="Nothing here yet" text="Records will appear here once they are added." />}
      </div>
    );
  }

  const showSkeleton = loading && rows.length === 0;

  return (
    <div className={cx("min-w-0", className)}>
      <div
        className="overflow-x-auto rounded-[inherit]"
        role="group"
        aria-label={caption}
        // Focusable so keyboard users can scroll a wide table sideways.
        tabIndex={0}
      >
        <table className="w-full border-collapse text-sm" aria-busy={loading || undefined}>
          <caption
            className={cx(
              showCaption ? "px-4 pt-3 pb-2 text-left text-sm font-medium text-neutral-700" : "sr-only",
            )}
          >
            {caption}
          </caption>
          <thead>
            <tr className="border-b border-neutral-200 bg-neutral-50">
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  style={c.width ? { width: c.width } : undefined}
                  className={cx(
                    "px-3 py-2 text-xs font-medium whitespace-nowrap text-neutral-600 first:pl-4 last:pr-4",
                    alignClass[alignOf(c)],
                    c.hideBelow && hide[c.hideBelow],
                  )}
                >
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {showSkeleton
              ? Array.from({ length: skeletonRows }, (_, r) => (
                  <tr key={`s${r}`} className="border-b border-neutral-100 last:border-b-0">
                    {columns.map((c, i) => (
                      <td
                        key={c.key}
                        className={cx(cellPad, c.hideBelow && hide[c.hideBelow])}
                      >
                        <Skeleton
                          className={cx(alignOf(c) === "right" && "ml-auto")}
                          width={c.numeric ? "4.5rem" : i === 0 ? "70%" : `${45 + ((r * 7 + i * 13) % 35)}%`}
                        />
                      </td>
                    ))}
                  </tr>
                ))
              : rows.map((row) => (
                  <tr
                    key={rowKey(row)}
                    className={cx(
                      "border-b border-neutral-100 transition-colors last:border-b-0 hover:bg-neutral-50",
                      rowClassName?.(row),
                    )}
                  >
                    {columns.map((c) => (
                      <td
                        key={c.key}
                        className={cx(
                          cellPad,
                          "text-neutral-800",
                          alignClass[alignOf(c)],
                          c.numeric && "figures",
                          c.wrap ? "break-words" : "whitespace-nowrap",
                          c.hideBelow && hide[c.hideBelow],
                          c.className,
                        )}
                      >
                        {c.maxWidth && !c.wrap ? (
                          <div className="truncate" style={{ maxWidth: c.maxWidth }}>
                            {c.cell(row)}
                          </div>
                        ) : (
                          c.cell(row)
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
          </tbody>
          {footer && !showSkeleton ? (
            <tfoot className="border-t border-neutral-200 bg-neutral-50 font-medium">{footer}</tfoot>
          ) : null}
        </table>
      </div>
      {showSkeleton ? <span className="sr-only" role="status">Loading {caption}…</span> : null}
      {hasMore && !showSkeleton && (onLoadMore || loadMoreHref) ? (
        <div className="flex justify-center border-t border-neutral-100 px-4 py-3">
          {loadMoreHref && !onLoadMore ? (
            <Button href={loadMoreHref} variant="secondary" size="sm" scroll={false}>
              Load more
            </Button>
          ) : (
            <Button
              variant="secondary"
              size="sm"
              onClick={onLoadMore}
              loading={loadingMore}
              loadingText="Loading…"
            >
              Load more
            </Button>
          )}
        </div>
      ) : null}
    </div>
  );
}
