import Link from "next/link";
import { actionLabel, fieldChanges } from "@/modules/audit/audit.labels.ts";
import { EmptyState, formatDateTime, StatusBadge } from "@/ui";
import type { TimelineEntry } from "../client-timeline";

const CLIENT_ACTIONS: Record<string, string> = {
  "client.created": "added this client",
  "client.updated": "updated the details",
  "client.archived": "archived this client",
  "client.restored": "restored this client",
  "client.contact_added": "added a contact",
  "client.contact_updated": "updated a contact",
  "client.contact_removed": "removed a contact",
  "client.site_added": "added a site",
  "client.site_updated": "updated a site",
  "client.site_archived": "archived a site",
};

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const label = (action: string) => CLIENT_ACTIONS[action] ?? actionLabel(action).toLowerCase();

/**
 * The client's history (audit events, notes, quotes, emails and whatever other sources add,
 * newest first) in the audit timeline's layout: who did what and when, field-level before → after,
 * notes quoted in full, records linked with their status.
 */
export function ClientTimeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  return (
    <section aria-labelledby="client-timeline-heading" className="flex flex-col gap-3">
      <h2 id="client-timeline-heading" className="text-base font-semibold text-neutral-900">
        Timeline
      </h2>
      {entries.length === 0 ? (
        <EmptyState title="No activity yet" text="Changes, notes, quotes and jobs for this client will be listed here." icon="clock" headingLevel={3} />
      ) : (
        <ol className="flex flex-col">
          {entries.map((entry) => {
            return (
              <li key={entry.id} className="relative border-l border-neutral-200 pb-5 pl-5 last:pb-0" data-source={entry.kind === "item" ? entry.source : entry.kind === "note" ? "notes" : "audit"}>
                <span aria-hidden className={`absolute top-1.5 -left-[5px] size-2.5 rounded-full border-2 border-white ${entry.kind === "note" ? "bg-brand-600" : entry.kind === "item" ? "bg-neutral-700" : "bg-neutral-400"}`} />
                {entry.kind === "item" ? (
                  <>
                    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-neutral-900">
                      <span className="min-w-0 break-words">
                        {entry.actor ? <span className="font-medium">{entry.actor} </span> : null}
                        {entry.href ? (
                          <Link href={entry.href} className="hover:text-brand-700 hover:underline">
                            {entry.actor ? entry.title : sentenceCase(entry.title)}
                          </Link>
                        ) : entry.actor ? (
                          entry.title
                        ) : (
                          sentenceCase(entry.title)
                        )}
                      </span>
                      {entry.status ? <StatusBadge status={entry.status.value} label={entry.status.label} /> : null}
                    </p>
                    <p className="text-xs text-neutral-600">
                      <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone)}</time>
                    </p>
                    {entry.body ? <p className="mt-1 text-sm break-words whitespace-pre-line text-neutral-700">{entry.body}</p> : null}
                  </>
                ) : entry.kind === "note" ? (
                  <>
                    <p className="text-sm text-neutral-900">
                      <span className="font-medium">{entry.note.author?.name ?? "Someone"}</span> added a note
                    </p>
                    <p className="text-xs text-neutral-600">
                      <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone)}</time>
                    </p>
                    <blockquote className="mt-2 rounded-md border border-neutral-200 bg-white px-3 py-2 text-sm break-words whitespace-pre-line text-neutral-900">{entry.note.body}</blockquote>
                  </>
                ) : (
                  <>
                    <p className="text-sm text-neutral-900">
                      <span className="font-medium">{entry.event.actor?.name ?? "System"}</span> {label(entry.event.action)}
                      {entry.event.impersonator ? <span className="text-neutral-600"> (by {entry.event.impersonator.name}, acting as them)</span> : null}
                    </p>
                    <p className="text-xs text-neutral-600">
                      <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone)}</time>
                    </p>
                    <Changes before={entry.event.before} after={entry.event.after} />
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

/** Lists as "a, b", flags as Yes/No, enum words in sentence case. */
function readable(v: string): string {
  if (v === "true") return "Yes";
  if (v === "false") return "No";
  if (v === "PERSON" || v === "ORGANISATION") return v.charAt(0) + v.slice(1).toLowerCase();
  if (v.startsWith("[")) {
    try {
      const list: unknown = JSON.parse(v);
      if (Array.isArray(list)) return list.length ? list.map(String).join(", ") : "—";
    } catch {
      return v;
    }
  }
  return v;
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const changes = fieldChanges(before, after);
  if (changes.length === 0) return null;
  return (
    <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 rounded-md bg-neutral-50 px-3 py-2 text-xs">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="text-neutral-600">{c.label}</dt>
          <dd className="min-w-0 break-words text-neutral-900">
            {before && c.before !== "—" ? (
              <>
                <span className="text-neutral-600 line-through decoration-neutral-400">{readable(c.before)}</span>
                <span aria-hidden> → </span>
                <span className="sr-only"> changed to </span>
              </>
            ) : null}
            <span className="font-medium">{readable(c.after)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
