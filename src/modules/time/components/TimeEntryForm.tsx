"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { parseClock, parseLocalDate, zonedTime } from "@/modules/schedule/schedule-time";
import { jobSearch } from "@/modules/jobs/components/job-search";
import { Button, Input, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { SearchPicker } from "@/ui/SearchPicker";
import { timeEntryInput } from "../time.schema";

type Props = { engineerId: string; engineerName: string; defaultDate: string; timeZone: string };

/** Time can go against work that is booked, under way, paused or done (not cancelled or invoiced). */
const searchTimeJobs = jobSearch(["SCHEDULED", "IN_PROGRESS", "ON_HOLD", "COMPLETED"]);

/** Adds time for an engineer by hand: the date and times are the company's wall clock. */
export function TimeEntryForm({ engineerId, engineerName, defaultDate, timeZone }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    const form = e.currentTarget;
    const v = Object.fromEntries(new FormData(form).entries()) as Record<string, string>;
    const day = parseLocalDate(v.date ?? "");
    const start = parseClock(v.start ?? "");
    const end = parseClock(v.end ?? "");
    const local: Record<string, string> = {};
    if (!day) local.date = "Enter the date";
    if (start === null) local.start = "Enter the start time, like 08:00";
    if (end === null) local.end = "Enter the end time, like 16:30";
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    const parsed = timeEntryInput.safeParse({
      engineerId,
      jobId: v.jobId || null,
      startedAt: zonedTime(day!, start!, timeZone),
      endedAt: zonedTime(day!, end!, timeZone),
      breakMinutes: v.breakMinutes || 0,
      notes: v.notes,
    });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const k = String(issue.path[0]);
        out[k === "endedAt" ? "end" : k === "startedAt" ? "start" : k] ??= issue.message;
      }
      setErrors(out);
      return;
    }
    setErrors({});
    setFormError(null);
    setSaving(true);
    const res = await callApi("POST", "/api/admin/time-entries", parsed.data);
    setSaving(false);
    if (!res.ok) {
      setErrors({ ...res.fields, ...(res.fields.endedAt ? { end: res.fields.endedAt } : {}) });
      setFormError(res.message);
      return;
    }
    form.reset();
    toast.success(`Time added for ${engineerName}`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={`Add time for ${engineerName}`}>
      {formError ? (
        <p role="alert" className="rounded-md bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {formError}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-4">
        <Input name="date" type="date" label="Date" defaultValue={defaultDate} error={errors.date} required />
        <Input name="start" type="time" label="Start" defaultValue="08:00" error={errors.start} required />
        <Input name="end" type="time" label="End" defaultValue="16:30" error={errors.end} required />
        <Input name="breakMinutes" type="number" min={0} label="Break (minutes)" defaultValue="30" error={errors.breakMinutes} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <SearchPicker
          name="jobId"
          label="Job"
          optional
          hint="Leave empty for travel, yard or training time."
          placeholder="Search by job number, title or client"
          search={searchTimeJobs}
          emptyText="No open job matches"
          error={errors.jobId}
        />
        <Textarea name="notes" label="Notes" optional rows={1} error={errors.notes} />
      </div>
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" loading={saving} loadingText="Adding…">
          Add time
        </Button>
      </div>
    </form>
  );
}
