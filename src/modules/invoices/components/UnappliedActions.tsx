"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Dialog, formatMoney, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";

type Props = { id: string; amountPence: number; invoiceNumber: string | null; stripe: boolean };

/** The request body for closing one unapplied payment from the dialog's form. */
export function resolveBody(action: "refund" | "resolve", f: FormData) {
  return { action, note: String(f.get("note") ?? "").trim() || null };
}

/** Refund (through Stripe when connected, else noted as a manual refund) or resolve with a note. */
export function UnappliedActions(p: Props) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState<null | "refund" | "resolve">(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const amount = formatMoney(p.amountPence);

  function close() {
    if (busy) return;
    setOpen(null);
    setError(null);
    setFieldError(undefined);
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!open) return;
    setBusy(true);
    const res = await callApi("POST", `/api/admin/payments/unapplied/${p.id}/resolve`, resolveBody(open, new FormData(e.currentTarget)));
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      setFieldError(res.fields.note);
      return;
    }
    setOpen(null);
    toast.success(open === "refund" ? "Refund recorded" : "Marked resolved", `${amount} for ${p.invoiceNumber ?? "the invoice"}.`);
    router.refresh();
  }

  const refundText = p.stripe
    ? `${amount} goes back to the client's card through Stripe (it can take 5–10 days to arrive).`
    : `Card payments aren't connected, so refund ${amount} by hand (e.g. from the Stripe dashboard or by bank transfer) and say how.`;
  return (
    <div className="flex flex-wrap gap-2">
      <Button size="sm" onClick={() => setOpen("refund")}>
        Refund
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setOpen("resolve")}>
        Resolve
      </Button>
      <Dialog
        open={open !== null}
        onClose={close}
        dismissible={!busy}
        title={open === "refund" ? `Refund ${amount}?` : `Resolve ${amount}`}
        description={open === "refund" ? refundText : "Say what was done with the money instead (for example, agreed with the client and applied to another invoice by hand)."}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" form={`unapplied-${p.id}`} loading={busy} loadingText="Saving…">
              {open === "refund" ? "Refund" : "Mark resolved"}
            </Button>
          </>
        }
      >
        <form id={`unapplied-${p.id}`} onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <Textarea name="note" label="Note" rows={2} optional={open === "refund" && p.stripe} required={!(open === "refund" && p.stripe)} error={fieldError} />
          {error ? (
            <p role="alert" className="text-sm text-danger-700">
              {error}
            </p>
          ) : null}
        </form>
      </Dialog>
    </div>
  );
}
