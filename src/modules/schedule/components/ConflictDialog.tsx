"use client";

import { useState, type FormEvent } from "react";
import { Button, Dialog, Textarea } from "@/ui";
import type { SaveResult } from "./planner-model.ts";

export type ConflictWarning = { code: string; message: string };

/** Shown before a conflicting save: the warnings, and "Save anyway" only with a reason (stored and audited). */
export function ConflictDialog({
  what,
  warnings,
  onCancel,
  onSaveAnyway,
}: {
  what: string;
  warnings: ConflictWarning[];
  onCancel: () => void;
  onSaveAnyway: (reason: string) => Promise<SaveResult>;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    if (reason.trim().length < 3) return setError("Give a reason of at least 3 characters");
    setSaving(true);
    setError(null);
    const res = await onSaveAnyway(reason.trim());
    setSaving(false);
    if (!res.ok) setError(res.fields.overrideReason ?? res.message);
  }

  return (
    <Dialog open onClose={onCancel} dismissible={!saving} title="Conflict warning" description={what} size="md">
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 pb-2">
        <ul className="flex flex-col gap-2" aria-label="Conflicts">
          {warnings.map((w, i) => (
            <li key={i} className="rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800">
              {w.message}
            </li>
          ))}
        </ul>
        <Textarea
          label="Reason for saving anyway"
          hint="Kept with the visit and in the audit trail"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error ?? undefined}
          data-autofocus=""
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onCancel} disabled={saving}>
            Don&apos;t save
          </Button>
          <Button type="submit" loading={saving} loadingText="Saving…">
            Save anyway
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
