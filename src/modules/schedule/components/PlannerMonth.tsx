"use client";

import Link from "next/link";
import type { DragEvent, MutableRefObject } from "react";
import { cx } from "@/ui";
import { localParts } from "../schedule-time.ts";
import { instantAt } from "../planner-view.ts";
import { UNAVAILABILITY_LABELS } from "../schedule.schema.ts";
import { isoWeekdayOf, statusClasses, timeRange, toIsoDate, visitLabel, type DragPayload, type Hours, type PlannerEngineer, type UnavailabilityView, type VisitView } from "./planner-model.ts";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const SHOWN = 4;

/**
 * Month view: six weeks of days; each day lists its visits (time, job, engineer). Dropping a visit on
 * another day keeps its time and engineer; dropping an unscheduled job opens the booking form for that day.
 */
export function PlannerMonth({
  days,
  today,
  month,
  hours,
  people,
  visits,
  unavailability,
  canManage,
  dragRef,
  onMoveVisit,
  onDropJobOnDay,
  onOpenVisit,
}: {
  days: string[];
  today: string;
  month: number;
  hours: Hours;
  people: PlannerEngineer[];
  visits: VisitView[];
  unavailability: UnavailabilityView[];
  canManage: boolean;
  dragRef: MutableRefObject<DragPayload | null>;
  onMoveVisit: (id: string, engineerId: string, startsAt: Date) => void;
  onDropJobOnDay: (jobId: string, day: string) => void;
  onOpenVisit: (v: VisitView) => void;
}) {
  const tz = hours.timeZone;
  const names = new Map(people.map((p) => [p.id, p.name]));
  const byDay = new Map<string, VisitView[]>();
  for (const v of visits) {
    const d = toIsoDate(v.startsAt, tz);
    (byDay.get(d) ?? byDay.set(d, []).get(d)!).push(v);
  }
  const awayByDay = new Map<string, number>();
  for (const u of unavailability) {
    for (const d of days) {
      const start = instantAt(d, 0, tz).getTime();
      const end = instantAt(d, 1440, tz).getTime();
      if (new Date(u.startsAt).getTime() < end && new Date(u.endsAt).getTime() > start) awayByDay.set(d, (awayByDay.get(d) ?? 0) + 1);
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>, day: string) {
    const payload = dragRef.current;
    e.currentTarget.classList.remove("bg-brand-50");
    if (!canManage || !payload) return;
    e.preventDefault();
    dragRef.current = null;
    if (payload.kind === "job") return onDropJobOnDay(payload.jobId, day);
    const v = visits.find((x) => x.id === payload.id);
    if (!v) return;
    const minute = localParts(new Date(v.startsAt), tz).minute;
    onMoveVisit(v.id, v.engineerId, instantAt(day, minute, tz));
  }

  return (
    <div>
      <div className="grid grid-cols-7 border-b border-neutral-200 text-xs font-medium text-neutral-600">
        {WEEKDAYS.map((d) => (
          <div key={d} className="px-2 py-2">
            {d}
          </div>
        ))}
      </div>
      <div className="grid grid-cols-7">
        {days.map((day) => {
          const list = (byDay.get(day) ?? []).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
          const inMonth = Number(day.slice(5, 7)) === month;
          const working = hours.workingDays.includes(isoWeekdayOf(day));
          const away = awayByDay.get(day) ?? 0;
          return (
            <div
              key={day}
              data-day={day}
              onDragOver={(e) => {
                if (canManage && dragRef.current) e.preventDefault();
              }}
              onDragEnter={(e) => dragRef.current && canManage && e.currentTarget.classList.add("bg-brand-50")}
              onDragLeave={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget as Node | null)) e.currentTarget.classList.remove("bg-brand-50");
              }}
              onDrop={(e) => onDrop(e, day)}
              className={cx("min-h-28 border-r border-b border-neutral-200 p-1.5", working ? "bg-white" : "bg-neutral-50")}
            >
              <div className="mb-1 flex items-center justify-between">
                <Link
                  href={`/admin/planner?view=day&date=${day}`}
                  className={cx("rounded px-1 text-xs font-medium hover:underline", day === today ? "bg-brand-600 text-white" : inMonth ? "text-neutral-900" : "text-neutral-500")}
                  aria-label={`Open ${day} in the day view`}
                >
                  {Number(day.slice(8))}
                </Link>
                {away ? <span className="text-[11px] text-neutral-600">{away} away</span> : null}
              </div>
              <ul className="flex flex-col gap-0.5">
                {list.slice(0, SHOWN).map((v) => {
                  const name = names.get(v.engineerId) ?? "Engineer";
                  return (
                    <li key={v.id}>
                      <button
                        type="button"
                        draggable={canManage}
                        onDragStart={(e) => {
                          dragRef.current = { kind: "visit", id: v.id, grabMs: 0, durationMs: new Date(v.endsAt).getTime() - new Date(v.startsAt).getTime() };
                          e.dataTransfer.effectAllowed = "move";
                          e.dataTransfer.setData("text/plain", v.job.number);
                        }}
                        onClick={() => onOpenVisit(v)}
                        title={visitLabel(v, name, tz)}
                        aria-label={`${visitLabel(v, name, tz)}. Open to change.`}
                        className={cx("w-full truncate rounded border px-1 text-left text-[11px] leading-5", statusClasses(v.job.status))}
                      >
                        <span className="tabular-nums">{timeRange(v, tz).slice(0, 5)}</span> {v.job.number} · {initials(name)}
                      </button>
                    </li>
                  );
                })}
              </ul>
              {list.length > SHOWN ? (
                <Link href={`/admin/planner?view=day&date=${day}`} className="mt-0.5 block text-[11px] font-medium text-brand-700 hover:underline">
                  +{list.length - SHOWN} more
                </Link>
              ) : null}
            </div>
          );
        })}
      </div>
      <p className="px-3 py-2 text-xs text-neutral-600">
        Days with people away show a count ({Object.values(UNAVAILABILITY_LABELS).join(", ").toLowerCase()}). Open a day for its lanes.
      </p>
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .slice(0, 2)
    .join("");
}
