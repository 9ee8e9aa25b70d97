"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, ConfirmDialog, Dialog, formatMoney, Input, Select, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { localToday, poundsToPence } from "./money-input.ts";

type Props = {
  id: string;
  number: string | null;
  status: "DRAFT" | "ISSUED" | "PART_PAID" | "PAID" | "VOID";
  balancePence: number;
  paidPence: number;
  creditedPence: number;
  cis: boolean;
  canManage: boolean;
  canPay: boolean;
};

const METHODS = [
  { value: "BANK_TRANSFER", label: "Bank transfer" },
  { value: "CASH", label: "Cash" },
  { value: "CHEQUE", label: "Cheque" },
  { value: "OTHER", label: "Other" },
];

const VAT_OPTIONS = [
  { value: "2000", label: "20%" },
  { value: "500", label: "5%" },
  { value: "0", label: "0% (zero-rated)" },
  { value: "exempt", label: "Exempt" },
];

/** The credit-note request from the form: the whole invoice, or one line (with labour/materials on a CIS invoice). */
export function creditNoteBody(f: FormData, netPence: number | null, full: boolean, cis: boolean) {
  const vat = String(f.get("vat"));
  const kind = String(f.get("kind") ?? "");
  return {
    reason: f.get("reason"),
    mode: full ? "full" : "partial",
    lines: full
      ? []
      : [
          {
            description: String(f.get("description") || f.get("reason")),
            netPence,
            vatRateBps: vat === "exempt" ? null : Number(vat),
            ...(cis ? { kind: kind === "LABOUR" || kind === "MATERIALS" ? kind : null } : {}),
          },
        ],
  };
}

/** Issue, send, record a payment, credit note and void: each asks once and reports back with a toast. */
export function InvoiceActions(p: Props) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState<null | "issue" | "send" | "pay" | "credit" | "void">(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function close() {
    if (busy) return;
    setOpen(null);
    setErrors({});
    setFormError(null);
  }

  async function post(path: string, body: unknown, ok: string, detail?: string) {
    setBusy(true);
    const res = await callApi("POST", `/api/admin/invoices/${p.id}${path}`, body);
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fields);
      setFormError(res.message);
      if (open === "issue" || open === "send") {
        setOpen(null);
        toast.error("That didn't work", res.message);
      }
      return false;
    }
    setOpen(null);
    setErrors({});
    setFormError(null);
    toast.success(ok, detail);
    router.refresh();
    return true;
  }

  async function pay(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const amount = poundsToPence(String(f.get("amount") ?? ""));
    const cis = p.cis ? poundsToPence(String(f.get("cis") || "0")) : 0;
    const fieldErrors: Record<string, string> = {};
    if (amount === null) fieldErrors.amountPence = "Enter the amount in pounds, e.g. 120.00";
    if (cis === null) fieldErrors.cisDeductionPence = "Enter the amount in pounds, e.g. 40.00";
    if (Object.keys(fieldErrors).length) return setErrors(fieldErrors);
    await post(
      "/payments",
      { method: f.get("method"), amountPence: amount, cisDeductionPence: cis, receivedOn: f.get("receivedOn"), reference: String(f.get("reference") ?? "").trim() || null },
      "Payment recorded",
      `${formatMoney(amount! + cis!)} against ${p.number}.`,
    );
  }

  async function credit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const full = f.get("mode") === "full";
    const net = poundsToPence(String(f.get("net") ?? ""));
    if (!full && net === null) return setErrors({ "lines.0.netPence": "Enter the amount in pounds, excluding VAT" });
    const kind = p.cis ? String(f.get("kind") ?? "") : "";
    if (!full && p.cis && kind !== "LABOUR" && kind !== "MATERIALS") return setErrors({ "lines.0.kind": "Say whether this credits labour or materials" });
    await post("/credit-notes", creditNoteBody(f, net, full, p.cis), "Credit note issued");
  }

  const open_ = p.status === "ISSUED" || p.status === "PART_PAID";
  return (
    <div className="flex flex-wrap gap-2">
      {p.canManage && p.status === "DRAFT" ? (
        <>
          <Button href={`/admin/invoices/${p.id}/edit`} variant="secondary">
            Edit
          </Button>
          <Button onClick={() => setOpen("issue")}>Issue invoice</Button>
        </>
      ) : null}
      {p.canPay && open_ ? <Button onClick={() => setOpen("pay")}>Record payment</Button> : null}
      {p.canManage && p.status !== "DRAFT" && p.status !== "VOID" ? (
        <Button variant="secondary" onClick={() => setOpen("send")}>
          Send to client
        </Button>
      ) : null}
      {p.canManage && open_ && p.balancePence > 0 ? (
        <Button variant="secondary" onClick={() => setOpen("credit")}>
          Credit note
        </Button>
      ) : null}
      {p.canManage && p.status !== "VOID" && p.paidPence <= 0 && p.creditedPence <= 0 ? (
        <Button variant="ghost" onClick={() => setOpen("void")}>
          Void
        </Button>
      ) : null}

      <ConfirmDialog
        open={open === "issue"}
        onCancel={close}
        onConfirm={() => post("/issue", undefined, "Invoice issued", "It has its number now and can't be edited.")}
        title="Issue this invoice?"
        description="It gets the next invoice number and today's date, and its lines and totals are fixed: corrections are made with a credit note."
        confirmLabel="Issue invoice"
        tone="primary"
        loading={busy}
      />
      <ConfirmDialog
        open={open === "send"}
        onCancel={close}
        onConfirm={() => post("/send", undefined, "Invoice sent", "The client's invoice contacts have been emailed the PDF and a link.")}
        title={`Send ${p.number ?? "the invoice"} to the client?`}
        description="The client's invoice contacts get an email with the PDF attached and a link to view it, with your bank details."
        confirmLabel="Send invoice"
        tone="primary"
        loading={busy}
      />

      <Dialog
        open={open === "pay"}
        onClose={close}
        dismissible={!busy}
        title="Record a payment"
        description={`Outstanding: ${formatMoney(p.balancePence)}. Card payments arrive by themselves through Stripe.`}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" form="pay-form" loading={busy} loadingText="Saving…">
              Record payment
            </Button>
          </>
        }
      >
        <form id="pay-form" onSubmit={pay} className="flex flex-col gap-4" noValidate>
          <Input name="amount" label="Amount received" leading="£" inputMode="decimal" required defaultValue={(p.balancePence / 100).toFixed(2)} error={errors.amountPence} />
          {p.cis ? <Input name="cis" label="CIS withheld by the contractor" leading="£" inputMode="decimal" optional defaultValue="0.00" error={errors.cisDeductionPence} hint="Counts toward settling the invoice." /> : null}
          <Select name="method" label="How it was paid" options={METHODS} defaultValue="BANK_TRANSFER" error={errors.method} />
          <Input name="receivedOn" type="date" label="Received on" required defaultValue={localToday()} error={errors.receivedOn} />
          <Input name="reference" label="Reference" optional placeholder="e.g. bank reference or cheque number" error={errors.reference} />
          {formError && !Object.keys(errors).length ? (
            <p role="alert" className="text-sm text-danger-700">
              {formError}
            </p>
          ) : null}
        </form>
      </Dialog>

      <Dialog
        open={open === "credit"}
        onClose={close}
        dismissible={!busy}
        title="Issue a credit note"
        description={`It gets its own number and reduces the balance (now ${formatMoney(p.balancePence)}). It can't be more than that.`}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" form="credit-form" loading={busy} loadingText="Issuing…">
              Issue credit note
            </Button>
          </>
        }
      >
        <form id="credit-form" onSubmit={credit} className="flex flex-col gap-4" noValidate>
          <Textarea name="reason" label="Reason" required rows={2} error={errors.reason} />
          {p.paidPence <= 0 && p.creditedPence <= 0 ? (
            <fieldset className="flex flex-col gap-2 text-sm">
              <legend className="mb-1 font-medium text-neutral-800">What to credit</legend>
              <label className="flex items-center gap-2">
                <input type="radio" name="mode" value="partial" defaultChecked className="size-4 accent-brand-700" /> Part of the invoice
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="mode" value="full" className="size-4 accent-brand-700" /> The whole invoice
              </label>
            </fieldset>
          ) : null}
          <Input name="description" label="Line description" optional placeholder="Defaults to the reason" />
          <Input name="net" label="Amount to credit, excluding VAT" leading="£" inputMode="decimal" error={errors["lines.0.netPence"] ?? errors.lines} hint="Leave empty when crediting the whole invoice." />
          <Select name="vat" label="VAT rate" options={VAT_OPTIONS} defaultValue="2000" />
          {p.cis ? (
            <fieldset className="flex flex-col gap-2 text-sm" aria-describedby="credit-kind-hint">
              <legend className="mb-1 font-medium text-neutral-800">What does it reduce?</legend>
              <label className="flex items-center gap-2">
                <input type="radio" name="kind" value="LABOUR" className="size-4 accent-brand-700" /> Labour (reverses the CIS deduction on it)
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="kind" value="MATERIALS" className="size-4 accent-brand-700" /> Materials (no CIS)
              </label>
              <p id="credit-kind-hint" className="text-neutral-600">
                The client deducts CIS only on labour, so the credit on labour is reduced by the CIS it no longer withholds.
              </p>
              {errors["lines.0.kind"] ? (
                <p role="alert" className="text-danger-700">
                  {errors["lines.0.kind"]}
                </p>
              ) : null}
            </fieldset>
          ) : null}
          {formError ? (
            <p role="alert" className="text-sm text-danger-700">
              {formError}
            </p>
          ) : null}
        </form>
      </Dialog>

      <Dialog
        open={open === "void"}
        onClose={close}
        dismissible={!busy}
        title={`Void ${p.number ?? "this draft"}?`}
        description="The invoice stays on record, marked void, with the reason; its client links stop working. This can't be undone."
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" form="void-form" variant="danger" loading={busy} loadingText="Voiding…">
              Void invoice
            </Button>
          </>
        }
      >
        <form
          id="void-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void post("/void", { reason: new FormData(e.currentTarget).get("reason") }, "Invoice voided");
          }}
        >
          <Textarea name="reason" label="Reason" required rows={2} error={errors.reason ?? (formError && !errors.reason ? formError : undefined)} />
        </form>
      </Dialog>
    </div>
  );
}

/** A refund on one payment (recorded, not sent: card refunds go through Stripe). */
export function RefundButton({ paymentId, refundablePence }: { paymentId: string; refundablePence: number }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const amount = poundsToPence(String(f.get("amount") ?? ""));
    if (amount === null || amount <= 0) return setError("Enter the amount in pounds, e.g. 20.00");
    setBusy(true);
    const res = await callApi("POST", `/api/admin/payments/${paymentId}/refunds`, { amountPence: amount, reason: String(f.get("reason") ?? "").trim() || null });
    setBusy(false);
    if (!res.ok) return setError(res.fields.amountPence ?? res.message);
    setOpen(false);
    setError(null);
    toast.success("Refund recorded", formatMoney(amount));
    router.refresh();
  }
  if (refundablePence <= 0) return null;
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Record refund
      </Button>
      <Dialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        title="Record a refund"
        description={`Up to ${formatMoney(refundablePence)} of this payment can be refunded.`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" form={`refund-${paymentId}`} loading={busy} loadingText="Saving…">
              Record refund
            </Button>
          </>
        }
      >
        <form id={`refund-${paymentId}`} onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <Input name="amount" label="Amount refunded" leading="£" inputMode="decimal" required defaultValue={(refundablePence / 100).toFixed(2)} error={error ?? undefined} />
          <Input name="reason" label="Reason" optional />
        </form>
      </Dialog>
    </>
  );
}
