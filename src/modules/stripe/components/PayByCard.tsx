"use client";

import { useState, type FormEvent } from "react";
import { Button, Input, formatMoney } from "@/ui";
import { callApi } from "@/ui/client-api";

type Props = { token: string; balancePence: number; allowPartPayments: boolean; minPartPence: number };

/** "Pay by card": sends the client to Stripe Checkout for the balance, or a part of it when the company allows. */
export function PayByCard({ token, balancePence, allowPartPayments, minPartPence }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [part, setPart] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    let amountPence: number | undefined;
    if (part) {
      const text = String(new FormData(event.currentTarget).get("amount") ?? "").trim().replace(/^£/, "").replace(/,/g, "");
      if (!/^\d+(\.\d{1,2})?$/.test(text)) return setError("Enter an amount in pounds, e.g. 250.00");
      amountPence = Math.round(Number(text) * 100);
      if (amountPence < minPartPence) return setError(`Pay at least ${formatMoney(minPartPence)}`);
      if (amountPence > balancePence) return setError(`At most ${formatMoney(balancePence)}`);
    }
    setBusy(true);
    const res = await callApi<{ url: string }>("POST", `/api/public/invoices/${token}/checkout`, amountPence ? { amountPence } : {});
    if (res.ok) {
      window.location.assign(res.data.url);
      return;
    }
    setBusy(false);
    setError(res.fields.amountPence ?? res.message);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Pay by card">
      {allowPartPayments ? (
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 font-medium text-neutral-900">How much would you like to pay?</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="howMuch" checked={!part} onChange={() => setPart(false)} className="size-4 accent-brand-700" />
            The full balance, {formatMoney(balancePence)}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="howMuch" checked={part} onChange={() => setPart(true)} className="size-4 accent-brand-700" />
            Part of it
          </label>
          {part ? (
            <Input name="amount" label="Amount to pay now" leading="£" inputMode="decimal" autoComplete="off" hint={`Between ${formatMoney(minPartPence)} and ${formatMoney(balancePence)}`} error={error ?? undefined} containerClassName="max-w-xs" />
          ) : null}
        </fieldset>
      ) : null}
      {error && !part ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" size="lg" loading={busy} loadingText="Opening secure payment…">
          {part ? "Pay by card" : `Pay ${formatMoney(balancePence)} by card`}
        </Button>
      </div>
      <p className="text-xs text-neutral-600">You&rsquo;ll pay on Stripe&rsquo;s secure page; card details never reach us.</p>
    </form>
  );
}
