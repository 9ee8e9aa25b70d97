"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/ui/client-api";
import { Button, ConfirmDialog, Dialog, useToast } from "@/ui";
import type { ClientView } from "../clients.schema";
import { ClientForm } from "./ClientForm";

/** Header actions on the client page: edit in a dialog, archive (asks first) or restore. */
export function ClientActions({ client }: { client: ClientView }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const router = useRouter();
  const toast = useToast();

  async function setArchived(verb: "archive" | "restore") {
    const res = await callApi<ClientView>("POST", `/api/admin/clients/${client.id}/${verb}`);
    if (!res.ok) {
      toast.error(verb === "archive" ? "Couldn't archive the client" : "Couldn't restore the client", res.message);
      return;
    }
    toast.success(verb === "archive" ? `${client.name} archived` : `${client.name} restored`, verb === "archive" ? "Hidden from the clients list; restore it any time." : undefined);
    router.refresh();
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setEditing(true)}>
        Edit
      </Button>
      {client.archivedAt ? (
        <Button
          variant="secondary"
          loading={restoring}
          loadingText="Restoring…"
          onClick={async () => {
            setRestoring(true);
            await setArchived("restore");
            setRestoring(false);
          }}
        >
          Restore
        </Button>
      ) : (
        <Button variant="ghost" onClick={() => setConfirming(true)}>
          Archive
        </Button>
      )}
      <Dialog open={editing} onClose={() => setEditing(false)} title="Edit client" size="lg">
        <div className="pb-2">
          <ClientForm client={client} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          await setArchived("archive");
          setConfirming(false);
        }}
        title={`Archive ${client.name}?`}
        description="They disappear from the clients list and search. Their history stays, and you can restore them at any time."
        confirmLabel="Archive client"
      />
    </>
  );
}
