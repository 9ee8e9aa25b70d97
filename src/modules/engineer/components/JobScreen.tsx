"use client";

/**
 * One job on site: address (tap to navigate), client (tap to call), scope, checklist, photos,
 * notes, the time clock and completion with the client's signature. Everything the engineer does
 * goes into the phone's outbox first (so it works with no signal) and shows at once; it syncs in
 * order when there is a connection.
 */
import { EmptyState } from "@/ui/EmptyState";
import { formatShortDate, formatTime } from "@/ui/format";
import { Icon } from "@/ui/icons";
import { Skeleton } from "@/ui/Skeleton";
import { StatusBadge } from "@/ui/StatusBadge";
import type { EngineerJob } from "../engineer.schema.ts";
import { applyPending, isWorkable, type EngineerJobView } from "../offline/optimistic.ts";
import { useCachedJob, useEngineerOffline } from "./EngineerOffline.tsx";
import { PendingTag, Section } from "./job-parts.tsx";
import { loadJobFieldwork, useLazyModule } from "./lazy.ts";
import { LazySyncProblems } from "./LazySyncProblems.tsx";

/** The time clock, photos, notes and completion, loaded after first paint; a placeholder holds their place meanwhile. */
function LazyJobFieldwork({ job }: { job: EngineerJobView }) {
  const { mod, failed } = useLazyModule(loadJobFieldwork);
  if (mod) return <mod.JobFieldwork job={job} />;
  if (failed) {
    return (
      <p role="alert" className="text-sm font-medium text-danger-700">
        The time clock, photos, notes and completion couldn&apos;t load. Reconnect and reload the page.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-4" aria-busy="true" aria-label="Loading the time clock, photos, notes and completion">
      <Skeleton height="8rem" />
      <Skeleton height="8rem" />
    </div>
  );
}

function mapsUrl(site: NonNullable<EngineerJob["site"]>): string {
  const q = [site.addressLine1, site.addressLine2, site.town, site.postcode].filter(Boolean).join(", ");
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(q)}`;
}


function SiteAndContact({ job }: { job: EngineerJobView }) {
  const phone = job.client.phone;
  return (
    <Section title="Site and client">
      <div className="flex flex-col gap-4">
        {job.site ? (
          <div>
            <address className="text-lg leading-snug font-medium text-neutral-900 not-italic">
              {job.site.label ? <span className="block text-sm font-normal text-neutral-600">{job.site.label}</span> : null}
              {job.site.addressLine1}
              {job.site.addressLine2 ? <>, {job.site.addressLine2}</> : null}
              <br />
              {job.site.town} {job.site.postcode}
            </address>
            <a
              href={mapsUrl(job.site)}
              target="_blank"
              rel="noopener noreferrer"
              className="mt-3 flex min-h-12 items-center justify-center gap-2 rounded-lg border border-neutral-300 bg-white px-4 text-base font-medium text-neutral-900 hover:bg-neutral-50"
            >
              <Icon name="mapPin" size={20} />
              Open in maps
            </a>
            {job.site.accessNotes ? (
              <div className="mt-3 rounded-md bg-warning-50 p-3 ring-1 ring-warning-200 ring-inset">
                <p className="text-sm font-semibold text-warning-800">Access notes</p>
                <p className="mt-0.5 text-lg whitespace-pre-line text-neutral-900">{job.site.accessNotes}</p>
              </div>
            ) : null}
          </div>
        ) : (
          <p className="text-neutral-700">No site address on this job. Call the office.</p>
        )}
        <div>
          <p className="text-base font-medium text-neutral-900">{job.client.name}</p>
          {job.client.contactName && job.client.contactName !== job.client.name ? <p className="text-sm text-neutral-700">Contact: {job.client.contactName}</p> : null}
          {phone ? (
            <a
              href={`tel:${phone.replace(/[^\d+]/g, "")}`}
              className="mt-2 flex min-h-12 items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 text-base font-medium text-white hover:bg-brand-700"
            >
              <Icon name="phone" size={20} />
              Call {phone}
            </a>
          ) : (
            <p className="text-sm text-neutral-700">No phone number for this client.</p>
          )}
          {job.client.email ? (
            <a href={`mailto:${job.client.email}`} className="mt-2 flex min-h-11 items-center gap-2 text-sm font-medium break-all text-brand-700 underline underline-offset-4">
              <Icon name="mail" size={18} />
              {job.client.email}
            </a>
          ) : null}
        </div>
      </div>
    </Section>
  );
}

function Checklists({ job, canWork, onToggle }: { job: EngineerJobView; canWork: boolean; onToggle: (itemId: string, done: boolean) => void }) {
  if (job.checklists.length === 0) return null;
  return (
    <>
      {job.checklists.map((c) => {
        const done = c.items.filter((i) => i.done).length;
        return (
          <Section key={c.id} title={c.title} action={<span className="figures text-sm text-neutral-700">{done}/{c.items.length} done</span>}>
            <ul className="-my-1 flex flex-col">
              {c.items.map((i) => (
                <li key={i.id} className="border-b border-neutral-100 last:border-0">
                  <label className="flex min-h-12 cursor-pointer items-start gap-3 py-2">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-6 shrink-0 accent-brand-600"
                      checked={i.done}
                      disabled={!canWork}
                      onChange={(e) => onToggle(i.id, e.target.checked)}
                    />
                    <span className="min-w-0 flex-1">
                      <span className={`text-base ${i.done ? "text-neutral-600 line-through" : "text-neutral-900"}`}>{i.label}</span>
                      {i.required ? <span className="ml-2 text-xs font-semibold text-neutral-700 uppercase">Required</span> : <span className="ml-2 text-xs text-neutral-600">Optional</span>}
                      {i.pending ? <PendingTag /> : null}
                      {i.description ? <span className="mt-0.5 block text-sm text-neutral-600">{i.description}</span> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </Section>
        );
      })}
    </>
  );
}

/** The job on site, from the server's copy (online) or the phone's (offline), with queued changes applied. */
export function JobScreen({ jobId, initial }: { jobId: string; initial: EngineerJob | null }) {
  const { outbox, enqueue, online } = useEngineerOffline();
  const { job: base, loaded } = useCachedJob(jobId, initial);

  if (!loaded) {
    return (
      <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading the job">
        <Skeleton className="h-8 w-2/3" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (!base) {
    return (
      <EmptyState
        icon="cloudOff"
        title="This job isn't saved on this phone"
        text={online ? "It isn't one of your jobs, or it was removed." : "Only today's and upcoming jobs are kept for offline use. Connect to open this one."}
        actionLabel="Back to today"
        actionHref="/engineer"
      />
    );
  }
  const job = applyPending(base, outbox);
  const tz = job.timeZone;
  const canWork = isWorkable(job.status);

  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="text-sm text-neutral-700">
          {job.number} · {job.clientName}
        </p>
        <div className="mt-1 flex items-start justify-between gap-3">
          <h1 className="min-w-0 text-2xl leading-tight font-semibold tracking-tight break-words text-neutral-900">{job.title}</h1>
          <StatusBadge status={job.status} size="md" />
        </div>
        {job.visits.length ? (
          <ul className="mt-2 flex flex-col gap-0.5 text-sm text-neutral-700">
            {job.visits.map((v) => (
              <li key={v.id} className="figures">
                Visit {formatShortDate(v.startsAt, tz)}, {formatTime(v.startsAt, tz)}–{formatTime(v.endsAt, tz)}
                {v.notes ? ` · ${v.notes}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
        {job.pendingCount > 0 ? (
          <p className="mt-2 text-sm font-medium text-warning-800">
            {job.pendingCount} {job.pendingCount === 1 ? "change" : "changes"} on this phone waiting to sync
          </p>
        ) : null}
      </div>

      <LazySyncProblems jobId={job.id} timeZone={tz} />

      {job.status === "CANCELLED" ? (
        <div role="alert" className="rounded-lg border border-danger-200 bg-danger-50 p-4 text-danger-800">
          <p className="font-semibold">The office cancelled this job</p>
          {job.cancelledReason ? <p className="mt-1 text-sm">{job.cancelledReason}</p> : null}
        </div>
      ) : null}

      <SiteAndContact job={job} />

      {job.scope ? (
        <Section title="Scope of work">
          <p className="text-base whitespace-pre-line text-neutral-900">{job.scope}</p>
        </Section>
      ) : null}

      <Checklists
        job={job}
        canWork={canWork}
        onToggle={(itemId, done) => {
          void enqueue(job.id, "checklist.set", { itemId, done });
        }}
      />

      {/* Time clock, photos, notes and completion: loaded after first paint (and kept for offline use). */}
      <LazyJobFieldwork job={job} />
    </div>
  );
}
