"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Card, formatMoney, Input, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { percentToBps, poundsToPence } from "./money-input.ts";

/** Invoice an accepted quote: in full, or a deposit as a percentage or an amount (incl. VAT). */
export function CreateFromQuote({ quoteId, quoteNumber, acceptedPence, depositBps, hasDeposit }: { quoteId: string; quoteNumber: string; acceptedPence: number; depositBps: number | null; hasDeposit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [mode, setMode] = useState<"full" | "deposit">("full");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    let extra: Record<string, number> = {};
    if (mode === "deposit") {
      const pct = String(f.get("percent") ?? "").trim();
      const amount = String(f.get("amount") ?? "").trim();
      if (amount) {
        const p = poundsToPence(amount);
        if (p === null || p <= 0) return setError("Enter the deposit in pounds, e.g. 250.00");
        extra = { depositPence: p };
      } else {
        const b = percentToBps(pct);
        if (b === null || b <= 0) return setError("Enter a percentage, e.g. 25, or an amount");
        extra = { depositBps: b };
      }
    }
    setBusy(true);
    const res = await callApi<{ id: string }>("POST", "/api/admin/invoices", { source: "quote", quoteId, mode, ...extra });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    toast.success(mode === "deposit" ? "Deposit invoice created" : "Invoice created", "Check it, then issue it.");
    router.push(`/admin/invoices/${res.data.id}`);
  }

  return (
    <Card title={`Invoice ${quoteNumber}`}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <p className="text-sm text-neutral-700">Accepted total: {formatMoney(acceptedPence)} including VAT.</p>
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 font-medium text-neutral-800">What to invoice</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="full" checked={mode === "full"} onChange={() => setMode("full")} className="size-4 accent-brand-700" />
            {hasDeposit ? "The balance after the deposit" : "The full accepted quote"}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="deposit" checked={mode === "deposit"} onChange={() => setMode("deposit")} className="size-4 accent-brand-700" />A deposit
          </label>
        </fieldset>
        {mode === "deposit" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Input name="percent" label="Deposit percentage" trailing="%" inputMode="decimal" defaultValue={depositBps ? String(depositBps / 100) : "25"} />
            <Input name="amount" label="…or a fixed amount incl. VAT" leading="£" inputMode="decimal" optional hint="Used instead of the percentage when filled in." />
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-danger-700">
            {error}
          </p>
        ) : null}
        <div>
          <Button type="submit" loading={busy} loadingText="Creating…">
            {mode === "deposit" ? "Create deposit invoice" : "Create invoice"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Invoice a job from its budget lines. */
export function CreateFromJob({ jobId, jobNumber, title }: { jobId: string; jobNumber: string; title: string }) {
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function create() {
    setBusy(true);
    const res = await callApi<{ id: string }>("POST", "/api/admin/invoices", { source: "job", jobId });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    toast.success("Invoice created", "Check it, then issue it.");
    router.push(`/admin/invoices/${res.data.id}`);
  }
  return (
    <Card title={`Invoice ${jobNumber}`}>
      <p className="text-sm text-neutral-700">
        A draft invoice for <strong>{title}</strong> from the job&rsquo;s budget lines (less any deposit already invoiced). You can edit it before issuing.
      </p>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-danger-700">
          {error}
        </p>
      ) : null}
      <Button className="mt-4" onClick={create} loading={busy} loadingText="Creating…">
        Create invoice from the job
      </Button>
    </Card>
  );
}
