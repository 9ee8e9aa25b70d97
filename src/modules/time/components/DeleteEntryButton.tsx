"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog, IconButton, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";

export function DeleteEntryButton({ entryId, label }: { entryId: string; label: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton icon="trash" label={`Delete ${label}`} size="sm" variant="ghost" onClick={() => setOpen(true)} />
      <ConfirmDialog
        open={open}
        onCancel={() => setOpen(false)}
        onConfirm={async () => {
          const res = await callApi("DELETE", `/api/admin/time-entries/${entryId}`);
          setOpen(false);
          if (!res.ok) {
            toast.error("Couldn't delete the entry", res.message);
            return;
          }
          toast.success("Time entry deleted");
          router.refresh();
        }}
        title="Delete this time entry?"
        description={label}
        confirmLabel="Delete"
      />
    </>
  );
}
