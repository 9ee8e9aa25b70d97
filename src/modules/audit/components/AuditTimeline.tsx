import { EmptyState, formatDateTime } from "@/ui";
import { actionLabel, fieldChanges } from "../audit.labels.ts";
import type { AuditEventView } from "../audit.schema.ts";

export type AuditTimelineProps = {
  events: AuditEventView[];
  timeZone: string;
  /** Link to the next page of older events (cursor pagination). */
  olderHref?: string | null;
  title?: string;
};

/** A record's history: who did what and when, with field-level before → after. */
export function AuditTimeline({ events, timeZone, olderHref, title = "Activity" }: AuditTimelineProps) {
  return (
    <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
      <h2 id="timeline-heading" className="text-base font-semibold text-neutral-900">
        {title}
      </h2>
      {events.length === 0 ? (
        <EmptyState title="No activity yet" text="Changes to this record will be listed here with who made them and when." icon="clock" headingLevel={3} />
      ) : (
        <ol className="flex flex-col">
          {events.map((e) => {
            const changes = fieldChanges(e.before, e.after);
            return (
              <li key={e.id} className="relative border-l border-neutral-200 pb-5 pl-5 last:pb-0">
                <span aria-hidden className="absolute top-1.5 -left-[5px] size-2.5 rounded-full border-2 border-white bg-neutral-400" />
                <p className="text-sm text-neutral-900">
                  <span className="font-medium">{e.actor?.name ?? "System"}</span> {actionLabel(e.action).toLowerCase()}
                  {e.impersonator ? <span className="text-neutral-600"> (by {e.impersonator.name}, acting as them)</span> : null}
                </p>
                <p className="text-xs text-neutral-600">
                  <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, timeZone)}</time>
                </p>
                {changes.length > 0 ? (
                  <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 rounded-md bg-neutral-50 px-3 py-2 text-xs">
                    {changes.map((c) => (
                      <div key={c.field} className="contents">
                        <dt className="text-neutral-600">{c.label}</dt>
                        <dd className="min-w-0 break-words text-neutral-900">
                          <span className="text-neutral-600 line-through decoration-neutral-400">{c.before}</span>
                          <span aria-hidden> → </span>
                          <span className="sr-only"> changed to </span>
                          <span className="font-medium">{c.after}</span>
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {olderHref ? (
        <a href={olderHref} className="text-sm font-medium text-brand-700 hover:underline">
          Show older activity
        </a>
      ) : null}
    </section>
  );
}
