"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ZodType } from "zod";
import { Button } from "./Button";
import { callApi } from "./client-api";
import { Textarea } from "./Field";
import { useToast } from "./Toast";

/**
 * "Add a note" on a record's page (a client, a job): checked with the area's own schema, posted to
 * its notes endpoint, then the page refreshes to show it.
 */
export function NoteForm({ url, schema, placeholder }: { url: string; schema: ZodType<{ body: string }>; placeholder: string }) {
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const router = useRouter();
  const toast = useToast();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    const form = e.currentTarget;
    const parsed = schema.safeParse({ body: new FormData(form).get("body") ?? "" });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    setSaving(true);
    const res = await callApi("POST", url, parsed.data);
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
      <Textarea name="body" label="Add a note" rows={3} error={error} placeholder={placeholder} />
      <div className="flex justify-end">
        <Button type="submit" size="sm" loading={saving} loadingText="Adding…">
          Add note
        </Button>
      </div>
    </form>
  );
}
