"use client";

import { useState } from "react";
import { Button } from "@/ui/Button";
import { callApi } from "@/ui/client-api";

/** On the accepted quote's page: takes the client to pay the deposit still owed (Checkout, or the invoice page). */
export function PayDepositButton({ token, label }: { token: string; label: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function pay() {
    setBusy(true);
    setError(null);
    const res = await callApi<{ payUrl: string }>("POST", `/api/public/quotes/${token}/deposit`);
    if (res.ok) {
      window.location.assign(res.data.payUrl);
      return;
    }
    setBusy(false);
    setError(res.message);
  }
  return (
    <div className="mt-3 flex flex-col gap-2">
      <Button type="button" onClick={() => void pay()} loading={busy} loadingText="Opening payment…" className="self-start">
        {label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
