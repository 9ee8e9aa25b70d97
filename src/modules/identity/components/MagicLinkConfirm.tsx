"use client";

import { useState } from "react";
import { Button } from "@/ui";
import { callApi } from "@/ui/client-api";

/**
 * Uses the link only when the person presses the button: mail scanners that open links must not
 * burn a single-use sign-in.
 */
export function MagicLinkConfirm({ token, email }: { token: string; email: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signIn() {
    setPending(true);
    setError(null);
    const res = await callApi<{ redirectTo?: string; mfaRequired?: boolean }>("POST", "/api/auth/magic-link/verify", { token });
    if (res.ok) {
      window.location.assign(res.data.mfaRequired ? "/login/mfa" : (res.data.redirectTo ?? "/"));
      return;
    }
    setPending(false);
    setError(res.message);
  }

  return (
    <div className="flex flex-col gap-4 text-sm">
      <p className="text-neutral-800">
        Sign in as <strong className="break-all">{email}</strong>.
      </p>
      {error ? (
        <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-danger-800">
          {error}
        </p>
      ) : null}
      <Button onClick={signIn} loading={pending} loadingText="Signing in…" fullWidth>
        Sign in
      </Button>
    </div>
  );
}
