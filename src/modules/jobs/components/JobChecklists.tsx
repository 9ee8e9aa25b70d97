"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, formatDateTime, Select, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import type { JobChecklistView } from "../jobs.schema";

type Props = {
  jobId: string;
  checklists: JobChecklistView[];
  templates: { id: string; title: string; version: number }[];
  /** Ticking and attaching (the office); finished jobs are read-only. */
  editable: boolean;
  timeZone: string;
};

/** The job's checklists: attach a template (a copy), tick items (who and when are recorded). */
export function JobChecklists({ jobId, checklists, templates, editable, timeZone }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [templateId, setTemplateId] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  // The tick shows at once; it is undone if the server refuses it.
  const [pending, setPending] = useState<Record<string, boolean>>({});

  async function attach() {
    if (!templateId) {
      setError("Choose a checklist");
      return;
    }
    setBusy("attach");
    const res = await callApi("POST", `/api/admin/jobs/${jobId}/checklists`, { templateId });
    setBusy(null);
    if (!res.ok) {
      setError(res.fields.templateId ?? res.message);
      return;
    }
    setTemplateId("");
    setError(undefined);
    toast.success("Checklist attached");
    router.refresh();
  }

  async function tick(itemId: string, done: boolean) {
    setBusy(itemId);
    setPending((p) => ({ ...p, [itemId]: done }));
    const res = await callApi("PATCH", `/api/admin/jobs/${jobId}/checklist-items/${itemId}`, { done });
    setBusy(null);
    if (!res.ok) {
      setPending(({ [itemId]: _undone, ...rest }) => rest);
      toast.error("Couldn't update the item", res.message);
      return;
    }
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-5">
      {checklists.length === 0 ? <p className="text-sm text-neutral-600">No checklist on this job. Attach one so required checks are done before completion.</p> : null}
      {checklists.map((c) => {
        const done = c.items.filter((i) => pending[i.id] ?? !!i.completedAt).length;
        return (
          <section key={c.id} aria-label={c.title} className="flex flex-col gap-2">
            <h3 className="flex flex-wrap items-baseline justify-between gap-2 text-sm font-semibold text-neutral-900">
              <span>
                {c.title}
                {c.templateVersion ? <span className="font-normal text-neutral-600"> (version {c.templateVersion})</span> : null}
              </span>
              <span className="text-xs font-normal text-neutral-600 tabular-nums">
                {done} of {c.items.length} done
              </span>
            </h3>
            <ul className="flex flex-col divide-y divide-neutral-100 rounded-md border border-neutral-200">
              {c.items.map((i) => (
                <li key={i.id} className="flex items-start gap-3 px-3 py-2">
                  <input
                    id={`item-${i.id}`}
                    type="checkbox"
                    className="mt-0.5 size-5 shrink-0 accent-brand-700"
                    checked={pending[i.id] ?? !!i.completedAt}
                    disabled={!editable || busy === i.id}
                    onChange={(e) => void tick(i.id, e.target.checked)}
                  />
                  <label htmlFor={`item-${i.id}`} className="flex min-w-0 flex-col text-sm">
                    <span className="text-neutral-900">
                      {i.label}
                      {i.required ? <span className="ml-2 rounded bg-neutral-100 px-1.5 py-0.5 text-xs text-neutral-700">Required</span> : <span className="ml-2 text-xs text-neutral-600">Optional</span>}
                    </span>
                    {i.description ? <span className="text-xs text-neutral-600">{i.description}</span> : null}
                    {i.completedAt ? (
                      <span className="text-xs text-neutral-600">
                        Done by {i.completedBy?.name ?? "someone"}, {formatDateTime(i.completedAt, timeZone)}
                      </span>
                    ) : null}
                  </label>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {editable && templates.length ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <Select
            label="Attach a checklist"
            name="templateId"
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
            placeholder="Choose…"
            options={templates.map((t) => ({ value: t.id, label: t.title }))}
            error={error}
            containerClassName="sm:flex-1"
          />
          <Button variant="secondary" onClick={() => void attach()} loading={busy === "attach"} loadingText="Attaching…">
            Attach
          </Button>
        </div>
      ) : null}
    </div>
  );
}
