"use client";

import { useState } from "react";
import { Button, ConfirmDialog, Dialog, Input, useToast, DataTable, type DataTableColumn } from "@/ui";
import { invoices, type Invoice } from "./data";

export function Interactive() {
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="open-dialog">
        Open dialog
      </Button>
      <Button variant="danger" iconStart="trash" onClick={() => setConfirm(true)} data-testid="open-confirm">
        Void invoice
      </Button>
      <Button
        variant="secondary"
        data-testid="toast"
        onClick={() => {
          toast.success("Invoice INV-00108 sent", "Emailed to accounts@harrington-whitcombe.co.uk");
          toast.error("PDF generation failed", "We'll retry automatically in a minute.");
          toast.toast({ title: "Quote archived", action: { label: "Undo", onClick: () => undefined }, durationMs: 0 });
        }}
      >
        Show toasts
      </Button>
      <Button loading={saving} loadingText="Saving…" onClick={() => { setSaving(true); setTimeout(() => setSaving(false), 2000); }}>
        Save changes
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Record a payment"
        description="Against INV-00107 for Mrs Priya Raman. Balance due £842.50."
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button onClick={() => setOpen(false)}>Record payment</Button>
          </>
        }
      >
        <div className="flex flex-col gap-4">
          <Input label="Amount" leading="£" inputMode="decimal" defaultValue="842.50" data-autofocus="" />
          <Input label="Reference" hint="As it appears on the bank statement." optional />
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirm}
        onCancel={() => setConfirm(false)}
        onConfirm={() => new Promise((r) => setTimeout(() => { setConfirm(false); r(undefined); }, 1500))}
        title="Void INV-00108?"
        description="The invoice stays on record marked as void and can't be paid. This can't be undone."
        confirmLabel="Void invoice"
      />
    </div>
  );
}

const cols: DataTableColumn<Invoice>[] = [
  { key: "n", header: "Number", cell: (r) => r.number },
  { key: "c", header: "Client", cell: (r) => r.client },
];

export function LoadMoreTable() {
  const [rows, setRows] = useState(invoices.slice(0, 2));
  const [loading, setLoading] = useState(false);
  return (
    <DataTable
      caption="Load more demo"
      columns={cols}
      rows={rows}
      rowKey={(r) => r.id + r.number + rows.indexOf(r)}
      hasMore={rows.length < 6}
      loadingMore={loading}
      onLoadMore={() => { setLoading(true); setTimeout(() => { setRows(invoices.slice(0, rows.length + 2)); setLoading(false); }, 800); }}
    />
  );
}
