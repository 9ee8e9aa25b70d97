"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ConfirmDialog, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";

/** Send (or re-send a revision) and revise, with a confirmation before the email goes out. */
export function QuoteActions({ id, status, version }: { id: string; status: string; version: number }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState<"send" | "revise" | null>(null);
  const [confirm, setConfirm] = useState(false);

  async function act(verb: "send" | "revise") {
    setBusy(verb);
    const res = await callApi("POST", `/api/admin/quotes/${id}/${verb}`);
    setBusy(null);
    setConfirm(false);
    if (!res.ok) {
      toast.error(verb === "send" ? "Couldn't send the quote" : "Couldn't start a revision", res.message);
      return;
    }
    toast.success(verb === "send" ? "Quote sent" : `Version ${version + 1} started`, verb === "send" ? "The client has been emailed a link." : undefined);
    router.refresh();
  }

  return (
    <div className="flex flex-wrap gap-2">
      {status === "DRAFT" ? (
        <>
          <Button href={`/admin/quotes/${id}/edit`} variant="secondary">
            Edit
          </Button>
          <Button onClick={() => setConfirm(true)} loading={busy === "send"} loadingText="Sending…">
            Send to client
          </Button>
        </>
      ) : null}
      {["SENT", "VIEWED", "DECLINED", "EXPIRED"].includes(status) ? (
        <Button variant="secondary" onClick={() => act("revise")} loading={busy === "revise"} loadingText="Starting…">
          Revise
        </Button>
      ) : null}
      <ConfirmDialog
        open={confirm}
        onCancel={() => setConfirm(false)}
        onConfirm={() => act("send")}
        title={`Send version ${version} to the client?`}
        description="The client's quote contacts get an email with a link to view, choose options and accept. This version can't be edited afterwards."
        confirmLabel="Send quote"
        tone="primary"
        loading={busy === "send"}
      />
    </div>
  );
}
