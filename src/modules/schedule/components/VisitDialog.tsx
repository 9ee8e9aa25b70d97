"use client";

import { useState, type FormEvent } from "react";
import { Button, ConfirmDialog, Dialog, Input, Select, Textarea } from "@/ui";
import { DEFAULT_VISIT_MINUTES, toFormValues } from "../planner-view.ts";
import { formatClock, parseClock, parseLocalDate, zonedTime } from "../schedule-time.ts";
import { durationText, type Hours, type PlannerEngineer, type SaveResult, type UnscheduledJob, type VisitView } from "./planner-model.ts";

export type VisitFormTarget =
  | { mode: "create"; job: UnscheduledJob | null; engineerId?: string; date: string; minute?: number }
  | { mode: "edit"; visit: VisitView };

type Values = { jobId: string; engineerId: string; date: string; start: string; endDate: string; end: string; notes: string };

function initialValues(t: VisitFormTarget, hours: Hours, people: PlannerEngineer[]): Values {
  const tz = hours.timeZone;
  if (t.mode === "edit") {
    const a = toFormValues(new Date(t.visit.startsAt), tz);
    const b = toFormValues(new Date(t.visit.endsAt), tz);
    return { jobId: t.visit.jobId, engineerId: t.visit.engineerId, date: a.date, start: formatClock(a.minute), endDate: b.date, end: formatClock(b.minute), notes: t.visit.notes ?? "" };
  }
  const startMinute = t.minute ?? hours.workdayStartMinute;
  const minutes = t.job?.estimatedMinutes ?? DEFAULT_VISIT_MINUTES;
  const end = toFormValues(new Date(zonedTime(parseLocalDate(t.date)!, startMinute, tz).getTime() + minutes * 60_000), tz);
  return {
    jobId: t.job?.id ?? "",
    engineerId: t.engineerId ?? people.find((p) => p.role === "ENGINEER")?.id ?? people[0]?.id ?? "",
    date: t.date,
    start: formatClock(startMinute),
    endDate: end.date,
    end: formatClock(end.minute),
    notes: "",
  };
}

/**
 * The keyboard way to do everything a drag does: book an unscheduled job, move a visit (date and
 * times), resize it (end), reassign it (engineer), or remove it.
 */
export function VisitDialog({
  target,
  hours,
  people,
  unscheduled,
  canManage,
  onClose,
  onSubmit,
  onDelete,
}: {
  target: VisitFormTarget;
  hours: Hours;
  people: PlannerEngineer[];
  unscheduled: UnscheduledJob[];
  canManage: boolean;
  onClose: () => void;
  onSubmit: (body: { jobId: string; engineerId: string; startsAt: string; endsAt: string; notes: string | null }) => Promise<SaveResult>;
  onDelete: (visit: VisitView) => Promise<boolean>;
}) {
  const [values, setValues] = useState<Values>(() => initialValues(target, hours, people));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const tz = hours.timeZone;
  const editing = target.mode === "edit" ? target.visit : null;
  const fixedJob = target.mode === "create" ? target.job : null;

  function toBody(): { body?: Parameters<typeof onSubmit>[0]; errors: Record<string, string> } {
    const e: Record<string, string> = {};
    const d = parseLocalDate(values.date);
    const ed = parseLocalDate(values.endDate);
    const s = parseClock(values.start);
    const en = parseClock(values.end);
    if (!values.jobId) e.jobId = "Choose a job";
    if (!values.engineerId) e.engineerId = "Choose an engineer";
    if (!d) e.date = "Enter a date";
    if (s === null) e.start = "Enter a start time, like 09:30";
    if (!ed) e.endDate = "Enter a date";
    if (en === null) e.end = "Enter an end time, like 11:30";
    if (Object.keys(e).length) return { errors: e };
    const startsAt = zonedTime(d!, s!, tz);
    const endsAt = zonedTime(ed!, en!, tz);
    if (endsAt.getTime() <= startsAt.getTime()) return { errors: { end: "The visit must end after it starts" } };
    return { body: { jobId: values.jobId, engineerId: values.engineerId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), notes: values.notes.trim() || null }, errors: {} };
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (saving) return;
    const { body, errors: e } = toBody();
    setErrors(e);
    setFormError(null);
    if (!body) return;
    setSaving(true);
    const res = await onSubmit(body);
    setSaving(false);
    if (res.ok || res.status === 409) return onClose();
    const mapped: Record<string, string> = {};
    for (const [k, msg] of Object.entries(res.fields)) mapped[k === "startsAt" ? "start" : k === "endsAt" ? "end" : k] = msg;
    setErrors(mapped);
    setFormError(Object.keys(mapped).length ? null : res.message);
  }

  const minutes = (() => {
    const { body } = toBody();
    return body ? Math.round((new Date(body.endsAt).getTime() - new Date(body.startsAt).getTime()) / 60_000) : null;
  })();

  const title = editing ? `${editing.job.number}: ${editing.job.title}` : fixedJob ? `Schedule ${fixedJob.number}` : "Book a visit";
  return (
    <>
      <Dialog open onClose={onClose} dismissible={!saving} title={title} description={editing ? `${editing.job.clientName}${editing.job.site ? `, ${editing.job.site.addressLine1}, ${editing.job.site.postcode}` : ""}` : fixedJob ? `${fixedJob.title} for ${fixedJob.clientName}` : undefined} size="lg">
        <form onSubmit={submit} noValidate className="flex flex-col gap-4 pb-2" aria-label={editing ? "Change visit" : "Book visit"}>
          {formError ? (
            <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
              {formError}
            </p>
          ) : null}
          {!editing && !fixedJob ? (
            <Select
              label="Job"
              value={values.jobId}
              onChange={(e) => set({ jobId: e.target.value })}
              options={[{ value: "", label: unscheduled.length ? "Choose an unscheduled job" : "No unscheduled jobs" }, ...unscheduled.map((j) => ({ value: j.id, label: `${j.number}: ${j.title} (${j.clientName})` }))]}
              error={errors.jobId}
            />
          ) : null}
          <Select label="Engineer" value={values.engineerId} onChange={(e) => set({ engineerId: e.target.value })} options={people.map((p) => ({ value: p.id, label: p.role === "ENGINEER" ? p.name : `${p.name} (${p.role === "ADMIN" ? "admin" : "office"})` }))} error={errors.engineerId} disabled={!canManage} data-autofocus="" />
          <div className="grid gap-4 sm:grid-cols-2">
            <Input label="Date" type="date" value={values.date} onChange={(e) => set({ date: e.target.value, endDate: values.endDate === values.date ? e.target.value : values.endDate })} error={errors.date} disabled={!canManage} />
            <Input label="Start" type="time" step={900} value={values.start} onChange={(e) => set({ start: e.target.value })} error={errors.start} disabled={!canManage} />
            <Input label="End date" type="date" value={values.endDate} onChange={(e) => set({ endDate: e.target.value })} error={errors.endDate} disabled={!canManage} hint="The same day unless the visit runs overnight" />
            <Input label="End" type="time" step={900} value={values.end} onChange={(e) => set({ end: e.target.value })} error={errors.end} disabled={!canManage} hint={minutes && minutes > 0 ? `Lasts ${durationText(minutes)}` : undefined} />
          </div>
          <Textarea label="Notes for the engineer" optional rows={2} value={values.notes} onChange={(e) => set({ notes: e.target.value })} error={errors.notes} disabled={!canManage} />
          {editing?.overrideReason ? (
            <p className="rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800">Saved despite a conflict: {editing.overrideReason}</p>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center">
            {editing && canManage ? (
              <Button variant="danger" onClick={() => setConfirmDelete(true)} disabled={saving} className="sm:mr-auto">
                Remove visit
              </Button>
            ) : null}
            <div className="flex flex-col-reverse gap-2 sm:ml-auto sm:flex-row">
              <Button variant="secondary" onClick={onClose} disabled={saving}>
                {canManage ? "Cancel" : "Close"}
              </Button>
              {canManage ? (
                <Button type="submit" loading={saving} loadingText="Saving…">
                  {editing ? "Save visit" : "Book visit"}
                </Button>
              ) : null}
            </div>
          </div>
        </form>
      </Dialog>
      {editing ? (
        <ConfirmDialog
          open={confirmDelete}
          onCancel={() => setConfirmDelete(false)}
          title={`Remove this visit for ${editing.job.number}?`}
          description="The engineer stays assigned to the job; book another visit when you know the new date."
          confirmLabel="Remove visit"
          tone="danger"
          onConfirm={async () => {
            const ok = await onDelete(editing);
            setConfirmDelete(false);
            if (ok) onClose();
          }}
        />
      ) : null}
    </>
  );
}
