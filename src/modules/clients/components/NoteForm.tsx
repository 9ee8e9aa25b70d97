"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/ui/client-api";
import { Button, Textarea, useToast } from "@/ui";
import { createNoteInput } from "../clients.schema";
import { fieldErrors, formValues } from "./form-errors";

export function NoteForm({ clientId }: { clientId: string }) {
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const router = useRouter();
  const toast = useToast();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    const form = e.currentTarget;
    const values = formValues(form);
    const parsed = createNoteInput.safeParse(values);
    if (!parsed.success) {
      setError(fieldErrors(parsed.error).body);
      return;
    }
    setError(undefined);
    setSaving(true);
    const res = await callApi("POST", `/api/admin/clients/${clientId}/notes`, parsed.data);
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
      <Textarea name="body" label="Add a note" rows={3} error={error} placeholder="Phone calls, preferences, anything the team should know" />
      <div className="flex justify-end">
        <Button type="submit" size="sm" loading={saving} loadingText="Adding…">
          Add note
        </Button>
      </div>
    </form>
  );
}
