"use client";

import { useState } from "react";
import { Button, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";

/** Starts or resumes Stripe onboarding: the server creates the account once and returns Stripe's URL. */
export function ConnectStripeButton({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  async function connect() {
    if (busy) return;
    setBusy(true);
    const res = await callApi<{ url: string }>("POST", "/api/admin/settings/payments/connect");
    if (res.ok) {
      window.location.assign(res.data.url);
      return;
    }
    setBusy(false);
    toast.show({ title: "Couldn't start Stripe onboarding", description: res.message, tone: "error" });
  }
  return (
    <Button type="button" onClick={connect} loading={busy} loadingText="Opening Stripe…">
      {label}
    </Button>
  );
}
