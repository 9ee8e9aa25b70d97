"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ConfirmDialog, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";

/** Retry or remove one failed job; remove asks first (it can't be undone). */
export function FailedJobActions({ queue, jobId, name }: { queue: string; jobId: string; name: string }) {
  const [busy, setBusy] = useState<"retry" | "remove" | null>(null);
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const router = useRouter();
  const base = `/api/admin/system/jobs/${encodeURIComponent(queue)}/${encodeURIComponent(jobId)}`;

  async function act(verb: "retry" | "remove") {
    setBusy(verb);
    const res = await callApi("POST", `${base}/${verb}`);
    setBusy(null);
    setConfirming(false);
    if (!res.ok) {
      toast.error(verb === "retry" ? "Couldn't retry the job" : "Couldn't remove the job", res.message);
      return;
    }
    toast.success(verb === "retry" ? "Job queued again" : "Job removed");
    router.refresh();
  }

  return (
    <div className="flex gap-2">
      <Button size="sm" variant="secondary" loading={busy === "retry"} loadingText="Retrying…" onClick={() => act("retry")} aria-label={`Retry ${name} ${jobId}`}>
        Retry
      </Button>
      <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => setConfirming(true)} aria-label={`Remove ${name} ${jobId}`}>
        Remove
      </Button>
      <ConfirmDialog
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => act("remove")}
        title="Remove this failed job?"
        description="Its work will not be done. Use Retry instead if the cause has been fixed."
        confirmLabel="Remove job"
        tone="danger"
        loading={busy === "remove"}
      />
    </div>
  );
}
