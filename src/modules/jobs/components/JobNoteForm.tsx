"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { addNoteInput } from "../jobs.schema";

export function JobNoteForm({ jobId }: { jobId: string }) {
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const router = useRouter();
  const toast = useToast();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    const form = e.currentTarget;
    const parsed = addNoteInput.safeParse({ body: new FormData(form).get("body") ?? "" });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    setSaving(true);
    const res = await callApi("POST", `/api/admin/jobs/${jobId}/notes`, parsed.data);
    setSaving(false);
    if (!res.ok) {
      setError(res.fields.body ?? res.message);
      return;
    }
    form.reset();
    toast.success("Note added");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <Textarea name="body" label="Add a note" rows={3} error={error} placeholder="Access, materials, anything the team should know" />
      <div className="flex justify-end">
        <Button type="submit" size="sm" loading={saving} loadingText="Adding…">
          Add note
        </Button>
      </div>
    </form>
  );
}
