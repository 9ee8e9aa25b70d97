import { actionLabel, fieldChanges } from "@/modules/audit/audit.labels.ts";
import { EmptyState, formatDateTime } from "@/ui";
import type { JobTimelineEntry } from "../jobs.service";

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The job's history: audit events (status changes, ticks, overrides…) and notes, newest first. */
export function JobTimeline({ entries, timeZone }: { entries: JobTimelineEntry[]; timeZone: string }) {
  return (
    <section aria-labelledby="job-timeline-heading" className="flex flex-col gap-3">
      <h2 id="job-timeline-heading" className="text-base font-semibold text-neutral-900">
        Timeline
      </h2>
      {entries.length === 0 ? (
        <EmptyState title="Nothing yet" text="Status changes, checklist ticks, notes and photos will be listed here with who and when." icon="clock" headingLevel={3} />
      ) : (
        <ol className="flex flex-col">
          {entries.map((e) => {
            const key = e.kind === "event" ? e.event.id : e.note.id;
            return (
              <li key={key} className="relative border-l border-neutral-200 pb-5 pl-5 last:pb-0">
                <span aria-hidden className="absolute top-1.5 -left-[5px] size-2.5 rounded-full border-2 border-white bg-neutral-400" />
                {e.kind === "event" ? (
                  <>
                    <p className="text-sm text-neutral-900">
                      <span className="font-medium">{e.event.actor?.name ?? "System"}</span> {actionLabel(e.event.action).toLowerCase()}
                    </p>
                    <p className="text-xs text-neutral-600">
                      <time dateTime={e.at}>{formatDateTime(e.at, timeZone)}</time>
                    </p>
                    {fieldChanges(e.event.before, e.event.after).length ? (
                      <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 rounded-md bg-neutral-50 px-3 py-2 text-xs">
                        {fieldChanges(e.event.before, e.event.after).map((c) => (
                          <div key={c.field} className="contents">
                            <dt className="text-neutral-600">{c.label}</dt>
                            <dd className="break-words text-neutral-900">{c.before !== "—" ? `${c.before} → ${c.after}` : c.after}</dd>
                          </div>
                        ))}
                      </dl>
                    ) : null}
                  </>
                ) : (
                  <>
                    <p className="text-sm text-neutral-900">
                      <span className="font-medium">{e.note.author?.name ?? "Former user"}</span> added a note
                    </p>
                    <p className="text-xs text-neutral-600">
                      <time dateTime={e.at}>{formatDateTime(e.at, timeZone)}</time>
                    </p>
                    <blockquote className="mt-2 rounded-md bg-neutral-50 px-3 py-2 text-sm whitespace-pre-wrap text-neutral-800">{sentenceCase(e.note.body)}</blockquote>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
