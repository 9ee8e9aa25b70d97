"use client";

import Link from "next/link";
import { useCallback, useMemo, useRef, useState, type DragEvent } from "react";
import { Button, Card, EmptyState, Icon, PageHeader, cx, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { DEFAULT_VISIT_MINUTES, stepDate, type PlannerView } from "../planner-view.ts";
import { formatLocalDate, parseLocalDate } from "../schedule-time.ts";
import type { CheckVisitOutput } from "../schedule.schema.ts";
import { ConflictDialog, type ConflictWarning } from "./ConflictDialog.tsx";
import { PlannerGrid } from "./PlannerGrid.tsx";
import { PlannerMonth } from "./PlannerMonth.tsx";
import { UnavailabilityDialog } from "./UnavailabilityDialog.tsx";
import { VisitDialog, type VisitFormTarget } from "./VisitDialog.tsx";
import {
  MONTH_LONG,
  dayLabel,
  durationText,
  statusClasses,
  timeRange,
  toIsoDate,
  type DragPayload,
  type Pending,
  type PlannerData,
  type SaveResult,
  type UnavailabilityView,
  type UnscheduledJob,
  type VisitPatch,
  type VisitView,
} from "./planner-model.ts";

let pendingSeq = 0;

function rangeTitle(view: PlannerView, days: string[]): string {
  if (view === "day") return dayLabel(days[0]!);
  if (view === "week") return `${dayLabel(days[0]!)} – ${dayLabel(days[6]!)} ${days[6]!.slice(0, 4)}`;
  const mid = days[15]!;
  return `${MONTH_LONG[Number(mid.slice(5, 7))]} ${mid.slice(0, 4)}`;
}

export function Planner({ data }: { data: PlannerData }) {
  const toast = useToast();
  const tz = data.hours.timeZone;
  const [visits, setVisits] = useState<VisitView[]>(data.visits);
  const [unscheduled, setUnscheduled] = useState<UnscheduledJob[]>(data.unscheduled);
  const [away, setAway] = useState<UnavailabilityView[]>(data.unavailability);
  const [form, setForm] = useState<VisitFormTarget | null>(null);
  const [conflict, setConflict] = useState<{ pending: Pending; warnings: ConflictWarning[] } | null>(null);
  const [awayDialog, setAwayDialog] = useState<{ existing: UnavailabilityView | null } | null>(null);
  const dragRef = useRef<DragPayload | null>(null);
  const focusDate = data.view === "month" ? data.days[15]! : data.days[0]!;
  const date = parseLocalDate(data.view === "week" ? data.days[0]! : focusDate)!;

  const people = data.people;
  const names = useMemo(() => new Map(people.map((p) => [p.id, p.name])), [people]);
  // Lanes: every engineer, plus anyone else with a visit in view.
  const lanes = useMemo(() => {
    const busy = new Set(visits.map((v) => v.engineerId));
    return people.filter((p) => p.role === "ENGINEER" || busy.has(p.id));
  }, [people, visits]);

  const href = (view: PlannerView, d: string) => `/admin/planner?view=${view}&date=${d}`;

  /** Applies a save at once, sends it, and settles: server data on success, undo plus a conflict dialog or message otherwise. */
  const commit = useCallback(
    async (pending: Pending, overrideReason?: string, opts: { quiet?: boolean } = {}): Promise<SaveResult> => {
      let tempId: string | null = null;
      if (pending.kind === "create") {
        tempId = `pending-${++pendingSeq}`;
        const j = pending.job;
        const temp: VisitView = {
          id: tempId,
          jobId: j.id,
          engineerId: pending.body.engineerId,
          startsAt: pending.body.startsAt,
          endsAt: pending.body.endsAt,
          notes: pending.body.notes ?? null,
          overrideReason: overrideReason ?? null,
          updatedAt: new Date().toISOString(),
          job: { number: j.number, title: j.title, status: "SCHEDULED", clientName: j.clientName, site: null },
        };
        setVisits((v) => [...v, temp]);
        setUnscheduled((u) => u.filter((x) => x.id !== j.id));
      } else {
        setVisits((v) => v.map((x) => (x.id === pending.id ? { ...x, ...pending.patch, notes: pending.patch.notes === undefined ? x.notes : pending.patch.notes } : x)));
      }
      const body = pending.kind === "create" ? { ...pending.body, ...(overrideReason ? { overrideReason } : {}) } : { ...pending.patch, ...(overrideReason ? { overrideReason } : {}) };
      const res = pending.kind === "create" ? await callApi<VisitView>("POST", "/api/admin/schedule", body) : await callApi<VisitView>("PATCH", `/api/admin/schedule/${pending.id}`, body);
      if (res.ok) {
        const saved = res.data;
        setVisits((v) => v.map((x) => (x.id === (tempId ?? saved.id) ? saved : x)));
        setConflict(null);
        toast.success(
          pending.kind === "create" ? `${saved.job.number} booked for ${names.get(saved.engineerId) ?? "the engineer"}` : `${saved.job.number} saved`,
          `${dayLabel(toIsoDate(saved.startsAt, tz))}, ${timeRange(saved, tz)}`,
        );
        return { ok: true };
      }
      // Undo the optimistic change.
      if (pending.kind === "create") {
        setVisits((v) => v.filter((x) => x.id !== tempId));
        setUnscheduled((u) => (u.some((x) => x.id === pending.job.id) ? u : [...u, pending.job].sort((a, b) => a.number.localeCompare(b.number))));
      } else {
        setVisits((v) => v.map((x) => (x.id === pending.id ? pending.before : x)));
      }
      if (res.status === 409) {
        const proposal =
          pending.kind === "create"
            ? { jobId: pending.body.jobId, engineerId: pending.body.engineerId, startsAt: pending.body.startsAt, endsAt: pending.body.endsAt }
            : {
                visitId: pending.id,
                engineerId: pending.patch.engineerId ?? pending.before.engineerId,
                startsAt: pending.patch.startsAt ?? pending.before.startsAt,
                endsAt: pending.patch.endsAt ?? pending.before.endsAt,
              };
        const checked = await callApi<CheckVisitOutput>("POST", "/api/admin/schedule/check", proposal);
        const warnings = checked.ok && checked.data.warnings.length ? checked.data.warnings : [{ code: "CONFLICT", message: res.message }];
        setConflict({ pending, warnings });
      } else if (!opts.quiet) {
        toast.error("Not saved", res.message);
      }
      return res;
    },
    [names, toast, tz],
  );

  const update = useCallback(
    (id: string, patch: VisitPatch, opts?: { quiet?: boolean }) => {
      const before = visits.find((v) => v.id === id);
      if (!before) return Promise.resolve<SaveResult>({ ok: false, status: 404, message: "This visit is no longer here.", fields: {} });
      return commit({ kind: "update", id, patch, before }, undefined, opts);
    },
    [commit, visits],
  );

  const handlers = useMemo(
    () => ({
      onDropJob: (jobId: string, engineerId: string, startsAt: Date, minutes: number) => {
        const job = unscheduled.find((j) => j.id === jobId);
        if (!job) return;
        void commit({ kind: "create", job, body: { jobId, engineerId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString() } });
      },
      onMoveVisit: (id: string, engineerId: string, startsAt: Date) => {
        const v = visits.find((x) => x.id === id);
        if (!v) return;
        const duration = new Date(v.endsAt).getTime() - new Date(v.startsAt).getTime();
        const patch: VisitPatch = {};
        if (startsAt.toISOString() !== new Date(v.startsAt).toISOString()) {
          patch.startsAt = startsAt.toISOString();
          patch.endsAt = new Date(startsAt.getTime() + duration).toISOString();
        }
        if (engineerId !== v.engineerId) patch.engineerId = engineerId;
        if (Object.keys(patch).length) void update(id, patch);
      },
      onResizeVisit: (id: string, endsAt: Date) => void update(id, { endsAt: endsAt.toISOString() }),
      onOpenVisit: (v: VisitView) => setForm({ mode: "edit", visit: v }),
      onOpenUnavailability: (u: UnavailabilityView) => setAwayDialog({ existing: u }),
    }),
    [commit, unscheduled, update, visits],
  );

  async function removeVisit(v: VisitView): Promise<boolean> {
    const res = await callApi("DELETE", `/api/admin/schedule/${v.id}`);
    if (!res.ok) {
      toast.error("Not removed", res.message);
      return false;
    }
    setVisits((all) => all.filter((x) => x.id !== v.id));
    toast.success(`Visit for ${v.job.number} removed`);
    return true;
  }

  function onTrayDragStart(e: DragEvent<HTMLElement>, j: UnscheduledJob) {
    dragRef.current = { kind: "job", jobId: j.id, minutes: j.estimatedMinutes ?? DEFAULT_VISIT_MINUTES };
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", j.number);
  }

  const defaultDay = data.days.includes(data.today) ? data.today : data.view === "month" ? data.days.find((d) => d.slice(5, 7) === focusDate.slice(5, 7))! : data.days[0]!;
  const conflictWhat = conflict
    ? conflict.pending.kind === "create"
      ? `${conflict.pending.job.number} for ${names.get(conflict.pending.body.engineerId) ?? "the engineer"}, ${dayLabel(toIsoDate(conflict.pending.body.startsAt, tz))} ${timeRange(conflict.pending.body, tz)}`
      : `${conflict.pending.before.job.number} for ${names.get(conflict.pending.patch.engineerId ?? conflict.pending.before.engineerId) ?? "the engineer"}, ${dayLabel(toIsoDate(conflict.pending.patch.startsAt ?? conflict.pending.before.startsAt, tz))} ${timeRange({ startsAt: conflict.pending.patch.startsAt ?? conflict.pending.before.startsAt, endsAt: conflict.pending.patch.endsAt ?? conflict.pending.before.endsAt }, tz)}`
    : "";

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Planner"
        subtitle={rangeTitle(data.view, data.days)}
        actions={
          data.canManage ? (
            <>
              <Button variant="secondary" onClick={() => setAwayDialog({ existing: null })}>
                Mark unavailable
              </Button>
              <Button iconStart="plus" onClick={() => setForm({ mode: "create", job: null, date: defaultDay })} disabled={unscheduled.length === 0}>
                Book a visit
              </Button>
            </>
          ) : null
        }
      />

      <div className="flex flex-wrap items-center gap-2">
        <nav aria-label="Planner view" className="inline-flex rounded-md border border-neutral-300 bg-white p-0.5">
          {(["day", "week", "month"] as const).map((v) => (
            <Link
              key={v}
              href={href(v, v === "week" ? data.days[0]! : data.view === "month" ? (data.days.includes(data.today) ? data.today : focusDate) : data.days[0]!)}
              aria-current={data.view === v ? "page" : undefined}
              className={cx("rounded px-3 py-1.5 text-sm font-medium capitalize", data.view === v ? "bg-brand-600 text-white" : "text-neutral-700 hover:bg-neutral-100")}
            >
              {v}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-1">
          <Button href={href(data.view, formatLocalDate(stepDate(data.view, date, -1)))} variant="secondary" size="sm" aria-label={`Previous ${data.view}`}>
            <Icon name="chevronRight" size={16} className="rotate-180" />
          </Button>
          <Button href={href(data.view, data.today)} variant="secondary" size="sm">
            Today
          </Button>
          <Button href={href(data.view, formatLocalDate(stepDate(data.view, date, 1)))} variant="secondary" size="sm" aria-label={`Next ${data.view}`}>
            <Icon name="chevronRight" size={16} />
          </Button>
        </div>
        <p className="text-sm text-neutral-600">
          {visits.length} {visits.length === 1 ? "visit" : "visits"} · working hours {String(Math.floor(data.hours.workdayStartMinute / 60)).padStart(2, "0")}:{String(data.hours.workdayStartMinute % 60).padStart(2, "0")}–
          {String(Math.floor(data.hours.workdayEndMinute / 60)).padStart(2, "0")}:{String(data.hours.workdayEndMinute % 60).padStart(2, "0")}
        </p>
      </div>

      <Card title={`Unscheduled jobs (${unscheduled.length})`} description={
          data.canManage ? (
            <>
              <span className="hidden md:inline">Drag a job onto an engineer&apos;s lane, or use Schedule.</span>
              <span className="md:hidden">Use Schedule to book a visit.</span>
            </>
          ) : undefined
        } padding="sm">
        {unscheduled.length === 0 ? (
          <p className="text-sm text-neutral-600">No jobs are waiting for a visit. Jobs in Scheduled status without a visit appear here.</p>
        ) : (
          <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" aria-label="Unscheduled jobs">
            {unscheduled.map((j) => (
              <li
                key={j.id}
                draggable={data.canManage}
                onDragStart={(e) => onTrayDragStart(e, j)}
                onDragEnd={() => {
                  dragRef.current = null;
                }}
                data-job={j.id}
                className={cx("flex min-w-0 items-center gap-2 rounded-md border border-info-200 bg-info-50 px-2.5 py-2", data.canManage && "cursor-grab active:cursor-grabbing")}
              >
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-semibold text-neutral-900">
                    {j.number} <span className="font-normal">{j.title}</span>
                  </p>
                  <p className="truncate text-xs text-neutral-700">
                    {j.clientName}
                    {j.postcode ? `, ${j.postcode}` : ""} · {durationText(j.estimatedMinutes ?? DEFAULT_VISIT_MINUTES)}
                  </p>
                </div>
                {data.canManage ? (
                  <Button size="sm" variant="secondary" onClick={() => setForm({ mode: "create", job: j, date: defaultDay })} aria-label={`Schedule ${j.number}`}>
                    Schedule
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {/* Desktop and tablet: lanes or the month grid. */}
      <Card padding="none" className="hidden md:block" aria-label="Schedule">
        {lanes.length === 0 ? (
          <EmptyState icon="users" title="No engineers yet" text="Invite your engineers in Settings → Users; each gets a lane here." action={<Button href="/admin/settings/users" variant="secondary">Go to users</Button>} />
        ) : data.view === "month" ? (
          <PlannerMonth
            days={data.days}
            today={data.today}
            month={Number(focusDate.slice(5, 7))}
            hours={data.hours}
            people={people}
            visits={visits}
            unavailability={away}
            canManage={data.canManage}
            dragRef={dragRef}
            onMoveVisit={handlers.onMoveVisit}
            onDropJobOnDay={(jobId, day) => {
              const job = unscheduled.find((j) => j.id === jobId);
              if (job) setForm({ mode: "create", job, date: day });
            }}
            onOpenVisit={handlers.onOpenVisit}
          />
        ) : (
          <PlannerGrid days={data.days} today={data.today} hours={data.hours} lanes={lanes} visits={visits} unavailability={away} canManage={data.canManage} dragRef={dragRef} {...handlers} />
        )}
      </Card>

      {/* Phones: the same visits as a list by day. */}
      <Agenda data={data} visits={visits} names={names} onOpen={handlers.onOpenVisit} />

      {form ? (
        <VisitDialog
          target={form}
          hours={data.hours}
          people={people}
          unscheduled={unscheduled}
          canManage={data.canManage}
          onClose={() => setForm(null)}
          onDelete={removeVisit}
          onSubmit={async (body) => {
            if (form.mode === "create") {
              const job = form.job ?? unscheduled.find((j) => j.id === body.jobId);
              if (!job) return { ok: false, status: 422, message: "Choose a job", fields: { jobId: "Choose a job" } };
              return commit({ kind: "create", job, body }, undefined, { quiet: true });
            }
            const v = form.visit;
            const patch: VisitPatch = {};
            if (body.engineerId !== v.engineerId) patch.engineerId = body.engineerId;
            if (body.startsAt !== new Date(v.startsAt).toISOString()) patch.startsAt = body.startsAt;
            if (body.endsAt !== new Date(v.endsAt).toISOString()) patch.endsAt = body.endsAt;
            if ((body.notes ?? null) !== (v.notes ?? null)) patch.notes = body.notes;
            if (!Object.keys(patch).length) return { ok: true };
            return update(v.id, patch, { quiet: true });
          }}
        />
      ) : null}

      {conflict ? (
        <ConflictDialog
          key={conflict.warnings.map((w) => w.message).join("|")}
          what={conflictWhat}
          warnings={conflict.warnings}
          onCancel={() => setConflict(null)}
          onSaveAnyway={(reason) =>
            conflict.pending.kind === "create"
              ? commit(conflict.pending, reason, { quiet: true })
              : commit({ ...conflict.pending, before: visits.find((v) => v.id === (conflict.pending as { id: string }).id) ?? conflict.pending.before }, reason, { quiet: true })
          }
        />
      ) : null}

      {awayDialog ? (
        <UnavailabilityDialog
          existing={awayDialog.existing}
          defaultDate={defaultDay}
          hours={data.hours}
          people={people}
          onClose={() => setAwayDialog(null)}
          onSaved={(u) => {
            setAway((all) => [...all, u]);
            setAwayDialog(null);
          }}
          onDeleted={(id) => {
            setAway((all) => all.filter((x) => x.id !== id));
            setAwayDialog(null);
          }}
        />
      ) : null}
    </div>
  );
}

function Agenda({ data, visits, names, onOpen }: { data: PlannerData; visits: VisitView[]; names: Map<string, string>; onOpen: (v: VisitView) => void }) {
  const tz = data.hours.timeZone;
  const byDay = new Map<string, VisitView[]>();
  for (const v of [...visits].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const d = toIsoDate(v.startsAt, tz);
    if (!data.days.includes(d)) continue;
    (byDay.get(d) ?? byDay.set(d, []).get(d)!).push(v);
  }
  return (
    <section aria-label="Visits by day" className="flex flex-col gap-3 md:hidden">
      {byDay.size === 0 ? <p className="rounded-lg border border-neutral-200 bg-white p-4 text-sm text-neutral-700">No visits {data.view === "day" ? "on this day" : `in this ${data.view}`}.</p> : null}
      {[...byDay.entries()].map(([day, list]) => (
        <div key={day} className="rounded-lg border border-neutral-200 bg-white">
          <h2 className="border-b border-neutral-200 px-3 py-2 text-sm font-semibold text-neutral-900">
            {dayLabel(day)}
            {day === data.today ? <span className="ml-1 font-normal text-brand-700">(today)</span> : null}
          </h2>
          <ul>
            {list.map((v) => (
              <li key={v.id} className="border-b border-neutral-100 last:border-b-0">
                <button type="button" onClick={() => onOpen(v)} className="flex min-h-11 w-full items-start gap-3 px-3 py-2 text-left">
                  <span className="w-24 shrink-0 text-sm text-neutral-900 tabular-nums">{timeRange(v, tz)}</span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-neutral-900">
                      {v.job.number} {v.job.title}
                    </span>
                    <span className="block truncate text-xs text-neutral-700">
                      {names.get(v.engineerId) ?? "Engineer"} · {v.job.clientName}
                      {v.job.site ? `, ${v.job.site.postcode}` : ""}
                    </span>
                  </span>
                  <span className={cx("shrink-0 rounded border px-1.5 text-[11px]", statusClasses(v.job.status))}>{v.job.status === "SCHEDULED" ? "Scheduled" : v.job.status === "IN_PROGRESS" ? "In progress" : "On hold"}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
