"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ConfirmDialog, Dialog, Input, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { templateInput, type TemplateView } from "../checklists.schema";

type Item = { key: number; label: string; description: string; required: boolean };
let nextKey = 1;
const blank = (): Item => ({ key: nextKey++, label: "", description: "", required: true });

/** Add or edit a checklist template in a dialog: items with order, required/optional. Editing saves a new version. */
export function TemplateEditor({ template }: { template?: TemplateView }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(template?.title ?? "");
  const [description, setDescription] = useState(template?.description ?? "");
  const [items, setItems] = useState<Item[]>(() => (template ? template.items.map((i) => ({ key: nextKey++, label: i.label, description: i.description ?? "", required: i.required })) : [blank()]));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const set = (key: number, patch: Partial<Item>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const move = (index: number, by: number) =>
    setItems((list) => {
      const next = [...list];
      const [it] = next.splice(index, 1);
      next.splice(index + by, 0, it!);
      return next;
    });

  async function save() {
    const parsed = templateInput.safeParse({ title, description, items: items.map(({ label, description: d, required }) => ({ label, description: d, required })) });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) out[issue.path.join(".")] ??= issue.message;
      setErrors(out);
      return;
    }
    setErrors({});
    setSaving(true);
    const res = template ? await callApi("PATCH", `/api/admin/checklist-templates/${template.id}`, parsed.data) : await callApi("POST", "/api/admin/checklist-templates", parsed.data);
    setSaving(false);
    if (!res.ok) {
      setErrors({ ...res.fields, _: res.message });
      return;
    }
    setOpen(false);
    if (!template) {
      setTitle("");
      setDescription("");
      setItems([blank()]);
    }
    toast.success(template ? `Saved as version ${template.version + 1}` : "Checklist created", template ? "Jobs keep the version they were given." : undefined);
    router.refresh();
  }

  return (
    <>
      {template ? (
        <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Edit ${template.title}`}>
          Edit
        </Button>
      ) : (
        <Button iconStart="plus" onClick={() => setOpen(true)}>
          New checklist
        </Button>
      )}
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        dismissible={!saving}
        size="lg"
        title={template ? `Edit ${template.title}` : "New checklist"}
        description={template ? `Saving makes version ${template.version + 1}; jobs that already have this checklist keep their copy.` : "Required items must be ticked before a job can be completed."}
        footer={
          <>
            <Button variant="ghost" onClick={() => setOpen(false)} disabled={saving}>
              Cancel
            </Button>
            <Button onClick={() => void save()} loading={saving} loadingText="Saving…">
              {template ? "Save new version" : "Create checklist"}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-4">
          {errors._ ? (
            <p role="alert" className="rounded-md bg-danger-50 px-3 py-2 text-sm text-danger-800">
              {errors._}
            </p>
          ) : null}
          <Input label="Title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} required />
          <Textarea label="Description" name="description" optional rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 text-sm font-medium text-neutral-800">Items</legend>
            {errors.items ? <p className="text-sm font-medium text-danger-700">{errors.items}</p> : null}
            <ol className="flex flex-col gap-3">
              {items.map((item, index) => (
                <li key={item.key} className="flex flex-col gap-2 rounded-md border border-neutral-200 p-3">
                  <Input label={`Item ${index + 1}`} name={`item-${index}`} value={item.label} onChange={(e) => set(item.key, { label: e.target.value })} error={errors[`items.${index}.label`]} required />
                  <Input label={`Item ${index + 1} description`} name={`item-${index}-description`} optional value={item.description} onChange={(e) => set(item.key, { description: e.target.value })} />
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" className="size-4 accent-brand-700" checked={item.required} onChange={(e) => set(item.key, { required: e.target.checked })} />
                      Required before completion
                    </label>
                    <span className="flex gap-1">
                      <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move item ${index + 1} up`}>
                        Up
                      </Button>
                      <Button size="sm" variant="ghost" disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={`Move item ${index + 1} down`}>
                        Down
                      </Button>
                      <Button size="sm" variant="ghost" disabled={items.length === 1} onClick={() => setItems((l) => l.filter((i) => i.key !== item.key))} aria-label={`Remove item ${index + 1}`}>
                        Remove
                      </Button>
                    </span>
                  </div>
                </li>
              ))}
            </ol>
            <Button variant="secondary" size="sm" iconStart="plus" onClick={() => setItems((l) => [...l, blank()])} className="self-start">
              Add item
            </Button>
          </fieldset>
        </div>
      </Dialog>
    </>
  );
}

/** Archive (with confirmation) or restore a template. */
export function TemplateArchiveButton({ template }: { template: TemplateView }) {
  const router = useRouter();
  const toast = useToast();
  const [confirm, setConfirm] = useState(false);
  const archived = !!template.archivedAt;
  async function run() {
    const res = await callApi("POST", `/api/admin/checklist-templates/${template.id}/${archived ? "restore" : "archive"}`);
    setConfirm(false);
    if (!res.ok) {
      toast.error(archived ? "Couldn't restore the checklist" : "Couldn't archive the checklist", res.message);
      return;
    }
    toast.success(archived ? "Checklist restored" : "Checklist archived");
    router.refresh();
  }
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => (archived ? void run() : setConfirm(true))} aria-label={`${archived ? "Restore" : "Archive"} ${template.title}`}>
        {archived ? "Restore" : "Archive"}
      </Button>
      <ConfirmDialog
        open={confirm}
        onCancel={() => setConfirm(false)}
        onConfirm={run}
        title={`Archive ${template.title}?`}
        description="It can no longer be attached to jobs. Jobs that have it keep their copy, and you can restore it later."
        confirmLabel="Archive"
      />
    </>
  );
}
