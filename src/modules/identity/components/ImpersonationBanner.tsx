"use client";

import { useState } from "react";
import { Button } from "@/ui";
import { callApi, safeNextPath } from "@/ui/client-api";

/** Shown on every portal page while an admin acts as someone else. */
export function ImpersonationBanner({ name, role }: { name: string; role: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function stop() {
    setBusy(true);
    setError(null);
    const res = await callApi<{ redirectTo: string }>("POST", "/api/auth/impersonation/stop");
    if (res.ok) {
      window.location.assign(safeNextPath(res.data.redirectTo) ?? "/");
      return;
    }
    setBusy(false);
    setError(res.message);
  }

  return (
    <div role="region" aria-label="Acting as another user" className="border-b border-warning-200 bg-warning-100 text-warning-800">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2 text-sm">
        <p>
          You are acting as <strong className="font-semibold">{name}</strong> ({role.toLowerCase()}). Everything you do is recorded under your name too.
        </p>
        <div className="flex items-center gap-3">
          {error ? <span role="alert" className="text-danger-800">{error}</span> : null}
          <Button size="sm" variant="secondary" onClick={stop} loading={busy} loadingText="Stopping…">
            Stop acting as {name.split(" ")[0]}
          </Button>
        </div>
      </div>
    </div>
  );
}
