"use client";

import { memo, useRef, useState, type DragEvent, type MutableRefObject, type PointerEvent as ReactPointerEvent } from "react";
import { Icon, cx } from "@/ui";
import { assignRows, displayRange, instantAt, segmentsOf, SNAP_MINUTES, type Segment } from "../planner-view.ts";
import { formatClock } from "../schedule-time.ts";
import { UNAVAILABILITY_LABELS } from "../schedule.schema.ts";
import { dayLabel, isoWeekdayOf, splitNumber, statusClasses, timeRange, visitLabel, type DragPayload, type Hours, type PlannerEngineer, type UnavailabilityView, type VisitView } from "./planner-model.ts";

const ROW_PX = 44;

export type GridHandlers = {
  onDropJob: (jobId: string, engineerId: string, startsAt: Date, minutes: number) => void;
  onMoveVisit: (id: string, engineerId: string, startsAt: Date) => void;
  onResizeVisit: (id: string, endsAt: Date) => void;
  onOpenVisit: (v: VisitView) => void;
  onOpenUnavailability: (u: UnavailabilityView) => void;
};

type Props = GridHandlers & {
  days: string[];
  today: string;
  hours: Hours;
  lanes: PlannerEngineer[];
  visits: VisitView[];
  unavailability: UnavailabilityView[];
  canManage: boolean;
  dragRef: MutableRefObject<DragPayload | null>;
};

type Placed<T> = { item: T; seg: Segment };

/** Day and week views: one lane per engineer, days across, time running left to right within each day. */
export function PlannerGrid(props: Props) {
  const { days, hours, lanes, visits, unavailability } = props;
  const tz = hours.timeZone;

  // Split every visit and absence into per-day segments once; the shared hour range fits them all.
  const placedVisits: Placed<VisitView>[] = [];
  for (const v of visits) for (const seg of segmentsOf(new Date(v.startsAt), new Date(v.endsAt), days, tz)) placedVisits.push({ item: v, seg });
  const placedAway: Placed<UnavailabilityView>[] = [];
  for (const u of unavailability) for (const seg of segmentsOf(new Date(u.startsAt), new Date(u.endsAt), days, tz)) placedAway.push({ item: u, seg });
  const range = displayRange(
    days.length === 1 ? hours : { workdayStartMinute: hours.workdayStartMinute + 60, workdayEndMinute: hours.workdayEndMinute - 60 },
    placedVisits.map((p) => p.seg),
  );

  const byLane = new Map<string, { visits: Placed<VisitView>[]; away: Placed<UnavailabilityView>[] }>();
  for (const l of lanes) byLane.set(l.id, { visits: [], away: [] });
  for (const p of placedVisits) byLane.get(p.item.engineerId)?.visits.push(p);
  for (const p of placedAway) byLane.get(p.item.engineerId)?.away.push(p);

  const columns = days.map((d) => (hours.workingDays.includes(isoWeekdayOf(d)) ? "minmax(0, 2fr)" : "minmax(0, 1fr)")).join(" ");
  const hourTicks: number[] = [];
  const tickEvery = days.length === 1 ? 60 : 120;
  // Ticks inside the day only: one on the edge would run into the next day's label.
  for (let m = Math.floor(range.start / tickEvery) * tickEvery + tickEvery; m <= range.end - 30; m += tickEvery) hourTicks.push(m);

  return (
    // Focusable so keyboard users can scroll it even when no visit (button) is inside.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={days.length > 1 ? "Week lanes" : "Day lanes"}>
      <div className={cx("min-w-full", days.length > 1 ? "w-[100rem]" : "w-full min-w-[40rem]")}>
        <div className="sticky top-0 z-10 grid border-b border-neutral-200 bg-white" style={{ gridTemplateColumns: `10rem ${columns}` }}>
          <div className="sticky left-0 z-10 bg-white px-3 py-2 text-xs font-medium text-neutral-600">Engineer</div>
          {days.map((d) => (
            <div key={d} className={cx("relative border-l border-neutral-200 px-2 pt-2 pb-5 text-xs font-medium", d === props.today ? "text-brand-700" : "text-neutral-700")}>
              {dayLabel(d)}
              {d === props.today ? <span className="ml-1 font-normal">(today)</span> : null}
              {hourTicks.map((m) => (
                <span key={m} aria-hidden className="absolute bottom-0.5 -translate-x-1/2 text-[11px] font-normal text-neutral-500 tabular-nums" style={{ left: `${((m - range.start) / (range.end - range.start)) * 100}%` }}>
                  {formatClock(m)}
                </span>
              ))}
            </div>
          ))}
        </div>
        {lanes.map((lane) => (
          <Lane key={lane.id} lane={lane} placed={byLane.get(lane.id)!} columns={columns} range={range} {...props} />
        ))}
      </div>
    </div>
  );
}

type LaneProps = Props & {
  lane: PlannerEngineer;
  placed: { visits: Placed<VisitView>[]; away: Placed<UnavailabilityView>[] };
  columns: string;
  range: { start: number; end: number };
};

const Lane = memo(function Lane({ lane, placed, columns, range, days, hours, canManage, dragRef, ...h }: LaneProps) {
  const tz = hours.timeZone;
  const span = range.end - range.start;
  const pct = (m: number) => `${((Math.max(range.start, Math.min(range.end, m)) - range.start) / span) * 100}%`;

  function minuteAt(cell: HTMLElement, clientX: number) {
    const rect = cell.getBoundingClientRect();
    return range.start + ((clientX - rect.left) / rect.width) * span;
  }

  function onDragOver(e: DragEvent<HTMLDivElement>) {
    if (!canManage || !dragRef.current) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
  }
  function onDrop(e: DragEvent<HTMLDivElement>, day: string) {
    const payload = dragRef.current;
    e.currentTarget.classList.remove("bg-brand-50");
    if (!canManage || !payload) return;
    e.preventDefault();
    dragRef.current = null;
    const at = instantAt(day, minuteAt(e.currentTarget, e.clientX), tz);
    if (payload.kind === "job") {
      h.onDropJob(payload.jobId, lane.id, at, payload.minutes);
    } else {
      const start = new Date(at.getTime() - payload.grabMs);
      const snapped = new Date(Math.round(start.getTime() / (SNAP_MINUTES * 60_000)) * SNAP_MINUTES * 60_000);
      h.onMoveVisit(payload.id, lane.id, snapped);
    }
  }

  const rowsByDay = days.map((_, i) => assignRows(placed.visits.filter((p) => p.seg.dayIndex === i).map((p) => ({ ...p.seg, p }))));
  const rowCount = Math.max(1, ...rowsByDay.map((rows) => Math.max(0, ...rows.map((r) => r.row + 1))));

  return (
    <div role="group" aria-label={`${lane.name}'s lane`} className="grid border-b border-neutral-200" style={{ gridTemplateColumns: `10rem ${columns}` }}>
      <div className="sticky left-0 z-[5] flex flex-col justify-center border-r border-neutral-200 bg-white px-3 py-2">
        <span className="truncate text-sm font-medium text-neutral-900">{lane.name}</span>
        {lane.role !== "ENGINEER" ? <span className="text-xs text-neutral-600">{lane.role === "ADMIN" ? "Admin" : "Office"}</span> : null}
      </div>
      {days.map((day, dayIndex) => {
        const working = hours.workingDays.includes(isoWeekdayOf(day));
        return (
          <div
            key={day}
            data-cell=""
            data-engineer={lane.id}
            data-day={day}
            onDragOver={onDragOver}
            onDragEnter={(e) => dragRef.current && canManage && e.currentTarget.classList.add("bg-brand-50")}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) e.currentTarget.classList.remove("bg-brand-50");
            }}
            onDrop={(e) => onDrop(e, day)}
            className={cx("relative border-l border-neutral-200 transition-colors", working ? "bg-white" : "bg-neutral-100")}
            style={{ height: rowCount * ROW_PX + 8 }}
          >
            {working ? (
              <>
                {/* Out-of-hours shading */}
                <div aria-hidden className="absolute inset-y-0 left-0 bg-neutral-50" style={{ width: pct(hours.workdayStartMinute) }} />
                <div aria-hidden className="absolute inset-y-0 right-0 bg-neutral-50" style={{ left: pct(hours.workdayEndMinute) }} />
              </>
            ) : null}
            {placed.away
              .filter((p) => p.seg.dayIndex === dayIndex)
              .map((p) => (
                <button
                  key={p.item.id}
                  type="button"
                  disabled={!canManage}
                  onClick={() => h.onOpenUnavailability(p.item)}
                  className="absolute inset-y-0.5 overflow-hidden rounded-sm border border-dashed border-neutral-400 px-1 text-left text-xs font-medium text-neutral-700"
                  style={{
                    left: pct(p.seg.startMinute),
                    width: `calc(${pct(p.seg.endMinute)} - ${pct(p.seg.startMinute)})`,
                    backgroundImage: "repeating-linear-gradient(135deg, #f1f3f6 0 6px, #e4e7ec 6px 12px)",
                  }}
                  aria-label={`${lane.name}: ${UNAVAILABILITY_LABELS[p.item.kind]} ${timeRange(p.item, tz)}${p.item.note ? `, ${p.item.note}` : ""}`}
                >
                  {UNAVAILABILITY_LABELS[p.item.kind]}
                </button>
              ))}
            {rowsByDay[dayIndex]!.map(({ item, row }) => (
              <VisitBlock
                key={`${item.p.item.id}:${dayIndex}`}
                visit={item.p.item}
                seg={item.p.seg}
                row={row}
                laneName={lane.name}
                range={range}
                tz={tz}
                day={day}
                canManage={canManage}
                dragRef={dragRef}
                minuteAt={minuteAt}
                onOpen={h.onOpenVisit}
                onResize={h.onResizeVisit}
              />
            ))}
          </div>
        );
      })}
    </div>
  );
});

function VisitBlock({
  visit,
  seg,
  row,
  laneName,
  range,
  tz,
  day,
  canManage,
  dragRef,
  minuteAt,
  onOpen,
  onResize,
}: {
  visit: VisitView;
  seg: Segment;
  row: number;
  laneName: string;
  range: { start: number; end: number };
  tz: string;
  day: string;
  canManage: boolean;
  dragRef: MutableRefObject<DragPayload | null>;
  minuteAt: (cell: HTMLElement, clientX: number) => number;
  onOpen: (v: VisitView) => void;
  onResize: (id: string, endsAt: Date) => void;
}) {
  const [previewEnd, setPreviewEnd] = useState<number | null>(null);
  const resizing = useRef<{ startX: number; cellWidth: number; baseEnd: number } | null>(null);
  const span = range.end - range.start;
  const clamp = (m: number) => Math.max(range.start, Math.min(range.end, m));
  const endMinute = previewEnd ?? seg.endMinute;
  const left = ((clamp(seg.startMinute) - range.start) / span) * 100;
  const width = Math.max(((clamp(endMinute) - clamp(seg.startMinute)) / span) * 100, 0.8);
  const pending = visit.id.startsWith("pending-");

  function onDragStart(e: DragEvent<HTMLButtonElement>) {
    if (!canManage || resizing.current || pending) {
      e.preventDefault();
      return;
    }
    const cell = e.currentTarget.closest<HTMLElement>("[data-cell]")!;
    const pointer = instantAt(day, minuteAt(cell, e.clientX), tz);
    const start = new Date(visit.startsAt).getTime();
    dragRef.current = { kind: "visit", id: visit.id, grabMs: pointer.getTime() - start, durationMs: new Date(visit.endsAt).getTime() - start };
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", visit.job.number);
  }

  function onHandleDown(e: ReactPointerEvent<HTMLSpanElement>) {
    e.stopPropagation();
    e.preventDefault();
    const cell = e.currentTarget.closest<HTMLElement>("[data-cell]")!;
    resizing.current = { startX: e.clientX, cellWidth: cell.getBoundingClientRect().width, baseEnd: seg.endMinute };
    e.currentTarget.setPointerCapture(e.pointerId);
  }
  function onHandleMove(e: ReactPointerEvent<HTMLSpanElement>) {
    const r = resizing.current;
    if (!r) return;
    const delta = ((e.clientX - r.startX) / r.cellWidth) * span;
    const next = Math.round((r.baseEnd + delta) / SNAP_MINUTES) * SNAP_MINUTES;
    setPreviewEnd(Math.max(seg.startMinute + SNAP_MINUTES, Math.min(1440, next)));
  }
  function onHandleUp() {
    const r = resizing.current;
    resizing.current = null;
    if (!r || previewEnd === null) return setPreviewEnd(null);
    const end = instantAt(day, previewEnd, tz);
    setPreviewEnd(null);
    if (previewEnd !== seg.endMinute) onResize(visit.id, end);
  }

  const label = visitLabel(visit, laneName, tz);
  const times = timeRange(visit, tz);
  const [numberPrefix, numberRest] = splitNumber(visit.job.number);
  return (
    <div className="absolute px-px" style={{ left: `${left}%`, width: `${width}%`, top: 4 + row * ROW_PX, height: ROW_PX - 4 }}>
      <button
        type="button"
        draggable={canManage && !pending}
        onDragStart={onDragStart}
        onDragEnd={() => {
          dragRef.current = null;
        }}
        onClick={() => !pending && onOpen(visit)}
        data-visit={visit.id}
        aria-label={`${label}${visit.overrideReason ? ", saved despite a conflict" : ""}. Open to move, resize, reassign or remove.`}
        title={label}
        className={cx(
          "@container flex h-full w-full flex-col overflow-hidden rounded-md border px-1 py-0.5 text-left text-[11px] leading-tight shadow-xs",
          statusClasses(visit.job.status),
          canManage && !pending ? "cursor-grab active:cursor-grabbing" : "",
          pending ? "opacity-60" : "",
          !seg.first ? "rounded-l-none" : "",
          !seg.last ? "rounded-r-none" : "",
        )}
      >
        {/* Narrow blocks (2–3 h in the week view) drop the number's prefix and show the start time
            only; the full label is in the tooltip and the accessible name. */}
        <span className="flex items-center gap-1 truncate font-semibold">
          {visit.overrideReason ? <Icon name="alert" size={12} className="shrink-0" /> : null}
          <span className="truncate">
            <span className="hidden @min-[66px]:inline">{numberPrefix}</span>
            {numberRest}
          </span>
        </span>
        <span className="truncate tabular-nums">
          <span className="@min-[72px]:hidden">{times.split("–")[0]}</span>
          <span className="hidden @min-[72px]:inline">{times}</span>
        </span>
      </button>
      {canManage && seg.last && !pending ? (
        <span
          aria-hidden
          data-resize-handle=""
          onPointerDown={onHandleDown}
          onPointerMove={onHandleMove}
          onPointerUp={onHandleUp}
          onPointerCancel={() => {
            resizing.current = null;
            setPreviewEnd(null);
          }}
          className="absolute inset-y-1 right-0 w-2 cursor-ew-resize touch-none rounded-r-md hover:bg-black/10"
        />
      ) : null}
    </div>
  );
}
