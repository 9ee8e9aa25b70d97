"use client";

import { useState, type FormEvent } from "react";
import { Button, ConfirmDialog, Dialog, Input, Select, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { addDays, formatLocalDate, parseLocalDate, zonedTime } from "../schedule-time.ts";
import { UNAVAILABILITY_KINDS, UNAVAILABILITY_LABELS, type UnavailabilityView } from "../schedule.schema.ts";
import { dayLabel, toIsoDate, type Hours, type PlannerEngineer } from "./planner-model.ts";

/** Mark someone away for whole days (leave, sick, training), or look at and remove an existing entry. */
export function UnavailabilityDialog({
  existing,
  defaultDate,
  hours,
  people,
  onClose,
  onSaved,
  onDeleted,
}: {
  existing: UnavailabilityView | null;
  defaultDate: string;
  hours: Hours;
  people: PlannerEngineer[];
  onClose: () => void;
  onSaved: (u: UnavailabilityView) => void;
  onDeleted: (id: string) => void;
}) {
  const toast = useToast();
  const tz = hours.timeZone;
  const [values, setValues] = useState({ engineerId: people[0]?.id ?? "", kind: "LEAVE", from: defaultDate, to: defaultDate, note: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));

  if (existing) {
    const who = people.find((p) => p.id === existing.engineerId)?.name ?? "Engineer";
    const lastDay = toIsoDate(new Date(new Date(existing.endsAt).getTime() - 1), tz);
    const firstDay = toIsoDate(existing.startsAt, tz);
    return (
      <>
        <Dialog open onClose={onClose} title={`${who}: ${UNAVAILABILITY_LABELS[existing.kind]}`} description={firstDay === lastDay ? dayLabel(firstDay) : `${dayLabel(firstDay)} to ${dayLabel(lastDay)}`} size="sm">
          {existing.note ? <p className="mb-4 text-sm text-neutral-800">{existing.note}</p> : null}
          <div className="flex flex-col-reverse gap-2 pb-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onClose}>
              Close
            </Button>
            <Button variant="danger" onClick={() => setConfirm(true)}>
              Remove
            </Button>
          </div>
        </Dialog>
        <ConfirmDialog
          open={confirm}
          onCancel={() => setConfirm(false)}
          title="Remove this entry?"
          description="The planner will stop warning about visits in this period."
          confirmLabel="Remove"
          onConfirm={async () => {
            const res = await callApi("DELETE", `/api/admin/unavailability/${existing.id}`);
            setConfirm(false);
            if (!res.ok) return toast.error(res.message);
            toast.success("Removed");
            onDeleted(existing.id);
          }}
        />
      </>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const from = parseLocalDate(values.from);
    const to = parseLocalDate(values.to);
    const errs: Record<string, string> = {};
    if (!values.engineerId) errs.engineerId = "Choose an engineer";
    if (!from) errs.from = "Enter the first day";
    if (!to) errs.to = "Enter the last day";
    else if (from && formatLocalDate(to) < formatLocalDate(from)) errs.to = "The last day can't be before the first";
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setSaving(true);
    const res = await callApi<UnavailabilityView>("POST", "/api/admin/unavailability", {
      engineerId: values.engineerId,
      kind: values.kind,
      startsAt: zonedTime(from!, 0, tz).toISOString(),
      endsAt: zonedTime(addDays(to!, 1), 0, tz).toISOString(),
      note: values.note.trim() || null,
    });
    setSaving(false);
    if (!res.ok) {
      setErrors({ ...res.fields, ...(res.fields.startsAt ? { from: res.fields.startsAt } : {}), ...(res.fields.endsAt ? { to: res.fields.endsAt } : {}) });
      if (!Object.keys(res.fields).length) toast.error(res.message);
      return;
    }
    toast.success(`${people.find((p) => p.id === values.engineerId)?.name ?? "Engineer"} marked ${UNAVAILABILITY_LABELS[values.kind as keyof typeof UNAVAILABILITY_LABELS].toLowerCase()}`);
    onSaved(res.data);
  }

  return (
    <Dialog open onClose={onClose} dismissible={!saving} title="Mark someone unavailable" description="Whole days; the planner warns about visits booked inside them." size="md">
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 pb-2">
        <div className="grid gap-4 sm:grid-cols-2">
          <Select label="Person" value={values.engineerId} onChange={(e) => set({ engineerId: e.target.value })} options={people.map((p) => ({ value: p.id, label: p.name }))} error={errors.engineerId} data-autofocus="" />
          <Select label="Reason" value={values.kind} onChange={(e) => set({ kind: e.target.value })} options={UNAVAILABILITY_KINDS.map((k) => ({ value: k, label: UNAVAILABILITY_LABELS[k] }))} error={errors.kind} />
          <Input label="First day" type="date" value={values.from} onChange={(e) => set({ from: e.target.value, to: values.to < e.target.value ? e.target.value : values.to })} error={errors.from} />
          <Input label="Last day" type="date" value={values.to} onChange={(e) => set({ to: e.target.value })} error={errors.to} />
        </div>
        <Textarea label="Note" optional rows={2} value={values.note} onChange={(e) => set({ note: e.target.value })} error={errors.note} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} loadingText="Saving…">
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
