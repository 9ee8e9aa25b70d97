"use client";

import { useState } from "react";
import { Button, useToast } from "@/ui";

const POLL_MS = 1000;
const GIVE_UP_MS = 90_000;

/** Queues a PDF of the record's history, shows progress while the worker renders it, then downloads it. */
export function ExportHistoryButton({ entityType, entityId, label }: { entityType: string; entityId: string; label: string }) {
  const [state, setState] = useState<"idle" | "queued">("idle");
  const toast = useToast();

  async function run() {
    setState("queued");
    try {
      const res = await fetch("/api/admin/audit-events/export", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ entityType, entityId, label }),
      });
      if (!res.ok) throw new Error("refused");
      const { exportId } = (await res.json()) as { exportId: string };
      const started = Date.now();
      while (Date.now() - started < GIVE_UP_MS) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const list = await fetch(`/api/admin/files?entityType=AuditExport&entityId=${exportId}`);
        if (!list.ok) continue;
        const { items } = (await list.json()) as { items: { downloadUrl: string }[] };
        if (items[0]) {
          toast.success("History PDF ready", "The download has started.");
          window.location.assign(items[0].downloadUrl);
          return;
        }
      }
      toast.error("The PDF is taking longer than usual", "It will keep generating; try again in a minute.");
    } catch {
      toast.error("Couldn't create the PDF", "Check your connection and try again.");
    } finally {
      setState("idle");
    }
  }

  return (
    <Button size="sm" variant="secondary" iconStart="download" loading={state === "queued"} loadingText="Preparing PDF…" onClick={run}>
      Download as PDF
    </Button>
  );
}
