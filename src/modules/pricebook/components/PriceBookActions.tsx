"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ConfirmDialog, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import type { PriceBookItemView } from "../pricebook.schema.ts";
import { PriceBookItemDialog } from "./PriceBookItemDialog.tsx";

export function AddPriceBookItemButton({ defaultVat }: { defaultVat: number | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button iconStart="plus" onClick={() => setOpen(true)}>
        Add item
      </Button>
      {open ? <PriceBookItemDialog item={null} defaultVat={defaultVat} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** Edit and archive for one row (archiving asks once; quotes already priced from the item keep their lines). */
export function PriceBookRowActions({ item }: { item: PriceBookItemView }) {
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function archive() {
    const res = await callApi("DELETE", `/api/admin/price-book/${item.id}`);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    setConfirm(false);
    toast.success(`Archived “${item.description}”`);
    router.refresh();
  }

  if (item.archivedAt) return <span className="text-xs text-neutral-600">Archived</span>;
  return (
    <span className="flex justify-end gap-1">
      <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit ${item.description}`}>
        Edit
      </Button>
      <Button size="sm" variant="ghost" onClick={() => (setError(null), setConfirm(true))} aria-label={`Archive ${item.description}`}>
        Archive
      </Button>
      {editing ? <PriceBookItemDialog item={item} defaultVat={item.vatRateBps} onClose={() => setEditing(false)} /> : null}
      <ConfirmDialog
        open={confirm}
        onCancel={() => setConfirm(false)}
        onConfirm={archive}
        title={`Archive “${item.description}”?`}
        description="It disappears from the price book and the quote builder's picker. Quotes that already use it keep their lines."
        confirmLabel="Archive"
      >
        {error ? (
          <p role="alert" className="mt-2 text-sm font-medium text-danger-700">
            {error}
          </p>
        ) : null}
      </ConfirmDialog>
    </span>
  );
}
