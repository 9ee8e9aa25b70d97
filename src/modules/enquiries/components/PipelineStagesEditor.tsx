"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/ui/client-api";
import { Button, Card, ConfirmDialog, Input, useToast } from "@/ui";
import { createStageInput, updateStageInput, type StageView } from "../enquiries.schema";
import { ALERT, fieldErrors } from "./form-errors";

function StageRow({ stage, index, count, onMove, busy }: { stage: StageView; index: number; count: number; onMove: (from: number, to: number) => void; busy: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [archiveError, setArchiveError] = useState<string | null>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const data = new FormData(event.currentTarget);
    const values = { name: String(data.get("name") ?? ""), colour: String(data.get("colour") ?? ""), isWon: data.get("isWon") === "on", isLost: data.get("isLost") === "on" };
    const parsed = updateStageInput.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSaving(true);
    const res = await callApi<StageView>("PATCH", `/api/admin/pipeline-stages/${stage.id}`, parsed.data);
    setSaving(false);
    if (!res.ok) {
      setErrors({ ...res.fields, _: res.message });
      return;
    }
    toast.success(`Saved “${res.data.name}”`);
    router.refresh();
  }

  async function archive() {
    const res = await callApi("POST", `/api/admin/pipeline-stages/${stage.id}/archive`);
    if (!res.ok) {
      setArchiveError(res.message);
      return;
    }
    setConfirm(false);
    toast.success(`Archived “${stage.name}”`);
    router.refresh();
  }

  return (
    <li className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0">
      <form onSubmit={save} noValidate aria-label={`Stage ${stage.name}`} className="flex flex-col gap-3 lg:flex-row lg:items-end">
        <Input name="name" label="Name" defaultValue={stage.name} error={errors.name} containerClassName="lg:w-56" />
        <Input name="colour" label="Colour" type="color" defaultValue={stage.colour} error={errors.colour} className="p-1" containerClassName="w-24" />
        <fieldset className="flex gap-4 pb-2 text-sm">
          <legend className="sr-only">Outcome</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="isWon" defaultChecked={stage.isWon} className="size-4 accent-brand-700" />
            Won
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="isLost" defaultChecked={stage.isLost} className="size-4 accent-brand-700" />
            Lost
          </label>
        </fieldset>
        <p className="pb-2 text-sm text-neutral-600 tabular-nums lg:w-28">
          {stage.enquiryCount} {stage.enquiryCount === 1 ? "enquiry" : "enquiries"}
        </p>
        <div className="flex flex-wrap gap-2 lg:ml-auto">
          <Button type="submit" variant="secondary" size="sm" loading={saving} loadingText="Saving…">
            Save
          </Button>
          <Button variant="ghost" size="sm" disabled={busy || index === 0} onClick={() => onMove(index, index - 1)} aria-label={`Move ${stage.name} up`}>
            Up
          </Button>
          <Button variant="ghost" size="sm" disabled={busy || index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={`Move ${stage.name} down`}>
            Down
          </Button>
          <Button variant="ghost" size="sm" onClick={() => (setArchiveError(null), setConfirm(true))} aria-label={`Archive ${stage.name}`}>
            Archive
          </Button>
        </div>
      </form>
      {errors._ || errors.isLost || errors.isWon ? (
        <p role="alert" className={ALERT}>
          {errors.isLost ?? errors.isWon ?? errors._}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirm}
        onCancel={() => setConfirm(false)}
        onConfirm={archive}
        title={`Archive “${stage.name}”?`}
        description="It disappears from the board and the lists. Only an empty stage can be archived; its history stays."
        confirmLabel="Archive"
      >
        {archiveError ? (
          <p role="alert" className="mt-2 text-sm font-medium text-danger-700">
            {archiveError}
          </p>
        ) : null}
      </ConfirmDialog>
    </li>
  );
}

export function PipelineStagesEditor({ stages }: { stages: StageView[] }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  const [announce, setAnnounce] = useState("");

  async function move(from: number, to: number) {
    const ids = stages.map((s) => s.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    setBusy(true);
    const res = await callApi<{ items: StageView[] }>("POST", "/api/admin/pipeline-stages/reorder", { ids });
    setBusy(false);
    if (!res.ok) {
      toast.error("Couldn't change the order", res.message);
      return;
    }
    setAnnounce(`${stages[from]!.name} is now number ${to + 1} of ${stages.length}`);
    router.refresh();
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (adding) return;
    const formEl = event.currentTarget;
    const data = new FormData(formEl);
    const parsed = createStageInput.safeParse({ name: String(data.get("name") ?? ""), colour: String(data.get("colour") ?? "#64748b") });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setAdding(true);
    const res = await callApi<StageView>("POST", "/api/admin/pipeline-stages", parsed.data);
    setAdding(false);
    if (!res.ok) {
      setErrors({ ...res.fields, _: res.message });
      return;
    }
    formEl.reset();
    toast.success(`Added “${res.data.name}”`);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-6">
      <Card title="Stages" description="In the order they appear on the board. New website enquiries land in the first stage.">
        <p aria-live="polite" className="sr-only">
          {announce}
        </p>
        <ol className="flex flex-col divide-y divide-neutral-100">
          {stages.map((s, i) => (
            <StageRow key={`${s.id}-${s.position}-${s.name}-${s.colour}-${s.isWon}-${s.isLost}`} stage={s} index={i} count={stages.length} onMove={move} busy={busy} />
          ))}
        </ol>
      </Card>
      <Card title="Add a stage">
        <form onSubmit={add} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Input name="name" label="Name" error={errors.name} containerClassName="sm:w-64" />
          <Input name="colour" label="Colour" type="color" defaultValue="#64748b" error={errors.colour} className="p-1" containerClassName="w-24" />
          <Button type="submit" loading={adding} loadingText="Adding…" iconStart="plus">
            Add stage
          </Button>
        </form>
        {errors._ ? (
          <p role="alert" className={`mt-3 ${ALERT}`}>
            {errors._}
          </p>
        ) : null}
      </Card>
    </div>
  );
}
