"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { callApi } from "@/ui/client-api";
import { Button, Card, Textarea, formatDateTime, useToast } from "@/ui";
import { addNoteInput, type NoteView } from "../enquiries.schema";
import { fieldErrors } from "./form-errors";

export function NotesPanel({ enquiryId, notes, timeZone }: { enquiryId: string; notes: NoteView[]; timeZone: string }) {
  const router = useRouter();
  const toast = useToast();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const values = { body: String(new FormData(event.currentTarget).get("body") ?? "") };
    const parsed = addNoteInput.safeParse(values);
    if (!parsed.success) {
      setError(fieldErrors(parsed.error).body);
      return;
    }
    setError(undefined);
    setSaving(true);
    const res = await callApi<NoteView>("POST", `/api/admin/enquiries/${enquiryId}/notes`, parsed.data);
    setSaving(false);
    if (!res.ok) {
      setError(res.fields.body ?? res.message);
      return;
    }
    form.current?.reset();
    toast.success("Note added");
    router.refresh();
  }

  return (
    <Card title="Notes">
      <form ref={form} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <Textarea name="body" label="Add a note" rows={3} error={error} placeholder="Called back, booked a visit…" />
        <div className="flex justify-end">
          <Button type="submit" variant="secondary" loading={saving} loadingText="Adding…">
            Add note
          </Button>
        </div>
      </form>
      {notes.length === 0 ? (
        <p className="mt-4 text-sm text-neutral-600">No notes yet.</p>
      ) : (
        <ul className="mt-4 flex flex-col divide-y divide-neutral-100">
          {notes.map((n) => (
            <li key={n.id} className="py-3">
              <p className="text-sm whitespace-pre-wrap text-neutral-900">{n.body}</p>
              <p className="mt-1 text-xs text-neutral-600">
                {n.authorName ?? "Someone"} · {formatDateTime(n.createdAt, timeZone)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
