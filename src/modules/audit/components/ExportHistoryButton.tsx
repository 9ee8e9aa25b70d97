"use client";

import { useState } from "react";
import { Button, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";

const POLL_MS = 1000;
const GIVE_UP_MS = 90_000;

/** Queues a PDF of the record's history, shows progress while the worker renders it, then downloads it. */
export function ExportHistoryButton({ entityType, entityId, label }: { entityType: string; entityId: string; label: string }) {
  const [state, setState] = useState<"idle" | "queued">("idle");
  const toast = useToast();

  async function run() {
    setState("queued");
    const queued = await callApi<{ exportId: string }>("POST", "/api/admin/audit-events/export", { entityType, entityId, label });
    if (!queued.ok) {
      setState("idle");
      toast.error("Couldn't create the PDF", queued.message);
      return;
    }
    const started = Date.now();
    while (Date.now() - started < GIVE_UP_MS) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const list = await callApi<{ items: { downloadUrl: string }[] }>("GET", `/api/admin/files?entityType=AuditExport&entityId=${queued.data.exportId}`);
      const file = list.ok ? list.data.items[0] : undefined;
      if (file) {
        setState("idle");
        toast.success("History PDF ready", "The download has started.");
        window.location.assign(file.downloadUrl);
        return;
      }
    }
    setState("idle");
    toast.error("The PDF is taking longer than usual", "It will keep generating; try again in a minute.");
  }

  return (
    <Button size="sm" variant="secondary" iconStart="download" loading={state === "queued"} loadingText="Preparing PDF…" onClick={run}>
      Download as PDF
    </Button>
  );
}
