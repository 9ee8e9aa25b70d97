"use client";

import Link from "next/link";
import { EmptyState } from "@/ui/EmptyState";
import { formatShortDate, formatTime } from "@/ui/format";
import { Icon } from "@/ui/icons";
import { Skeleton } from "@/ui/Skeleton";
import { StatusBadge } from "@/ui/StatusBadge";
import type { EngineerJobList, EngineerJobSummary } from "../engineer.schema.ts";
import { summaryWithPending } from "../offline/optimistic.ts";
import { useCachedJobList, useEngineerOffline } from "./EngineerOffline.tsx";
import { LazySyncProblems } from "./LazySyncProblems.tsx";

function when(job: EngineerJobSummary, timeZone: string, withDate: boolean): string | null {
  const v = job.visits[0];
  if (!v) return null;
  const window = `${formatTime(v.startsAt, timeZone)}–${formatTime(v.endsAt, timeZone)}`;
  return withDate ? `${formatShortDate(v.startsAt, timeZone)}, ${window}` : window;
}

function JobCard({ job, timeZone, withDate }: { job: EngineerJobSummary & { pendingCount: number }; timeZone: string; withDate: boolean }) {
  const time = when(job, timeZone, withDate);
  return (
    <li>
      {/* A plain link: a full navigation, which the service worker can answer offline. */}
      <a
        href={`/engineer/jobs/${job.id}`}
        className="flex min-h-16 flex-col gap-1 rounded-lg border border-neutral-200 bg-white p-4 shadow-xs hover:border-neutral-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <span className="flex items-start justify-between gap-3">
          <span className="min-w-0">
            {time ? <span className="figures block text-sm font-semibold text-brand-700">{time}</span> : null}
            <span className="block text-lg leading-snug font-semibold text-neutral-900">{job.title}</span>
          </span>
          <StatusBadge status={job.status} />
        </span>
        <span className="text-sm text-neutral-700">
          {job.number} · {job.clientName}
        </span>
        {job.site ? (
          <span className="flex items-start gap-1.5 text-base text-neutral-800">
            <Icon name="mapPin" size={18} className="mt-0.5 shrink-0 text-neutral-500" />
            <span className="min-w-0 break-words">
              {job.site.addressLine1}, {job.site.town} {job.site.postcode}
            </span>
          </span>
        ) : null}
        {job.pendingCount > 0 ? (
          <span className="text-sm font-medium text-warning-800">
            {job.pendingCount} {job.pendingCount === 1 ? "change" : "changes"} waiting to sync
          </span>
        ) : null}
      </a>
    </li>
  );
}

function Section({ title, jobs, timeZone, withDate, empty }: { title: string; jobs: Array<EngineerJobSummary & { pendingCount: number }>; timeZone: string; withDate: boolean; empty: string }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold text-neutral-900">
        {title} <span className="figures font-normal text-neutral-600">({jobs.length})</span>
      </h2>
      {jobs.length ? (
        <ul className="flex flex-col gap-3">
          {jobs.map((j) => (
            <JobCard key={j.id} job={j} timeZone={timeZone} withDate={withDate} />
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-neutral-300 bg-white p-4 text-neutral-700">{empty}</p>
      )}
    </section>
  );
}

/**
 * Today and Upcoming (and, on the Jobs tab, open jobs without a visit): from the server's copy
 * when online, from the phone's copy otherwise, with changes waiting to sync applied.
 */
export function EngineerJobLists({ initial, companyName, showUnscheduled = false }: { initial: EngineerJobList | null; companyName: string; showUnscheduled?: boolean }) {
  const { outbox, online } = useEngineerOffline();
  const { list, loaded } = useCachedJobList(initial);
  if (!loaded) {
    return (
      <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading your jobs">
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  if (!list) {
    return (
      <EmptyState
        icon="cloudOff"
        title="Your jobs aren't on this phone yet"
        text={online ? "Loading them now…" : "Connect to the internet once to load today's and upcoming jobs; after that they work offline."}
      />
    );
  }
  const tz = list.timeZone;
  const withPending = (jobs: EngineerJobSummary[]) => jobs.map((j) => summaryWithPending(j, outbox));
  const nothing = list.today.length + list.upcoming.length + (showUnscheduled ? list.unscheduled.length : 0) === 0;
  return (
    <div className="flex flex-col gap-6">
      <LazySyncProblems timeZone={tz} />
      {nothing ? (
        <EmptyState
          icon="today"
          title="Nothing booked for you"
          text={`When ${companyName} books you onto a job, it shows here with the address, access notes and checklist.`}
        />
      ) : (
        <>
          <Section title="Today" jobs={withPending(list.today)} timeZone={tz} withDate={false} empty="No visits booked today." />
          <Section title="Upcoming" jobs={withPending(list.upcoming)} timeZone={tz} withDate empty="No visits booked in the next two weeks." />
          {showUnscheduled ? <Section title="Not yet booked" jobs={withPending(list.unscheduled)} timeZone={tz} withDate={false} empty="No other open jobs." /> : null}
        </>
      )}
      {!showUnscheduled && list.unscheduled.length > 0 ? (
        <Link href="/engineer/jobs" className="flex min-h-12 items-center justify-between rounded-lg border border-neutral-300 bg-white px-4 text-base font-medium text-neutral-900">
          {list.unscheduled.length} open {list.unscheduled.length === 1 ? "job" : "jobs"} not yet booked
          <Icon name="chevronRight" size={20} className="text-neutral-500" />
        </Link>
      ) : null}
      {!online ? (
        <p className="text-sm text-neutral-600">
          Offline: showing the copy saved on this phone at {formatTime(list.fetchedAt, tz)}.
        </p>
      ) : null}
    </div>
  );
}
