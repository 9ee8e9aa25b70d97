"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Input, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";

/** Upload a photo or PDF to the job, with an optional caption. */
export function JobPhotoUpload({ jobId }: { jobId: string }) {
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    const form = e.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setErrors({ file: "Choose a file to upload" });
      return;
    }
    setErrors({});
    setSaving(true);
    const res = await callApi("POST", `/api/admin/jobs/${jobId}/photos`, data);
    setSaving(false);
    if (!res.ok) {
      setErrors({ file: res.fields.file ?? res.message, ...(res.fields.caption ? { caption: res.fields.caption } : {}) });
      return;
    }
    form.reset();
    toast.success("File added to the job");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <Input name="file" type="file" label="Photo or PDF" accept="image/jpeg,image/png,image/webp,image/heic,application/pdf" error={errors.file} containerClassName="sm:flex-1" />
      <Input name="caption" label="Caption" optional maxLength={500} error={errors.caption} containerClassName="sm:flex-1" />
      <Button type="submit" variant="secondary" loading={saving} loadingText="Uploading…">
        Upload
      </Button>
    </form>
  );
}
