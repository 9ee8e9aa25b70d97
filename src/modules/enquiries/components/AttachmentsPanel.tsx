"use client";

import { callApi } from "@/ui/client-api";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import type { FileView } from "@/modules/files/files.schema";
import { Button, Card, FieldError, Icon, useToast } from "@/ui";

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function AttachmentsPanel({ enquiryId, files }: { enquiryId: string; files: FileView[] }) {
  const router = useRouter();
  const toast = useToast();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (uploading) return;
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError("Choose a photo or PDF first");
      return;
    }
    setError(null);
    setUploading(true);
    const res = await callApi("POST", `/api/admin/enquiries/${enquiryId}/attachments`, data);
    setUploading(false);
    if (!res.ok) {
      setError(res.fields.file ?? res.message);
      return;
    }
    form.current?.reset();
    toast.success("File attached");
    router.refresh();
  }

  return (
    <Card title="Photos and documents">
      <form ref={form} onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
        <label htmlFor={id} className="text-sm font-medium text-neutral-800">
          Attach a photo or PDF
        </label>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <input
            id={id}
            name="file"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="min-w-0 flex-1 text-sm file:mr-3 file:rounded-md file:border file:border-neutral-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
          <Button type="submit" variant="secondary" loading={uploading} loadingText="Uploading…">
            Upload
          </Button>
        </div>
        {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
      </form>
      {files.length === 0 ? (
        <p className="mt-4 text-sm text-neutral-600">Nothing attached yet.</p>
      ) : (
        <ul className="mt-4 flex flex-col divide-y divide-neutral-100">
          {files.map((f) => (
            <li key={f.id} className="flex items-center justify-between gap-3 py-2.5">
              <span className="min-w-0">
                <span className="block truncate text-sm font-medium text-neutral-900">{f.fileName}</span>
                <span className="block text-xs text-neutral-600">{size(f.size)}</span>
              </span>
              <a href={f.downloadUrl} className="inline-flex h-9 shrink-0 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-neutral-100">
                <Icon name="download" size={16} />
                Download<span className="sr-only"> {f.fileName}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
