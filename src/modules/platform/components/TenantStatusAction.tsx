"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/ui/client-api";
import { Button, Dialog, Textarea, useToast } from "@/ui";
import { companyStatusChangeInput } from "../platform.schema";

/** Suspend or reactivate one company; the reason is mandatory and goes into its audit trail. */
export function TenantStatusAction({ id, name, suspended }: { id: string; name: string; suspended: boolean }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  const toast = useToast();
  const verb = suspended ? "Reactivate" : "Suspend";

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const parsed = companyStatusChangeInput.safeParse({ reason: String(new FormData(e.currentTarget).get("reason") ?? "") });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Give a reason");
      return;
    }
    setBusy(true);
    const res = await callApi("POST", `/api/platform/companies/${id}/${suspended ? "reactivate" : "suspend"}`, parsed.data);
    setBusy(false);
    if (!res.ok) {
      setError(res.fields.reason ?? res.message);
      return;
    }
    setOpen(false);
    toast.success(suspended ? `${name} is active again` : `${name} is suspended`);
    router.refresh();
  }

  return (
    // text-left: the dialog must not inherit the alignment of the table cell it sits in.
    <div className="text-left">
      <Button size="sm" variant={suspended ? "secondary" : "ghost"} className="float-right" onClick={() => setOpen(true)} aria-label={`${verb} ${name}`}>
        {verb}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        dismissible={!busy}
        title={`${verb} ${name}?`}
        description={
          suspended
            ? "Its people can sign in and work again straight away."
            : "Nobody at this company can work in Quantract until it is reactivated. Their data is kept."
        }
      >
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4 pb-2">
          <Textarea name="reason" label="Reason" hint="Recorded in the company's audit trail." rows={3} error={error ?? undefined} onChange={() => setError(null)} data-autofocus="" />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant={suspended ? "primary" : "danger"} loading={busy} loadingText={suspended ? "Reactivating…" : "Suspending…"}>
              {verb}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
