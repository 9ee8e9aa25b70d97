"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/ui/Button";
import { Input } from "@/ui/Field";
import { Icon } from "@/ui/icons";
import { mfaCodeInput } from "../identity.schema";
import { callApi, safeNextPath } from "@/ui/client-api";

/** Second sign-in step: the authenticator's code, or one of the recovery codes. */
export function MfaChallengeForm() {
  const [recovery, setRecovery] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    setFormError(null);
    const parsed = mfaCodeInput.safeParse({ code: String(new FormData(e.currentTarget).get("code") ?? "") });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? "Enter the code");
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    setPending(true);
    const res = await callApi<{ redirectTo: string }>("POST", "/api/auth/mfa/verify", parsed.data);
    if (res.ok) {
      const next = safeNextPath(new URLSearchParams(window.location.search).get("next"));
      window.location.assign(next ?? safeNextPath(res.data.redirectTo) ?? "/");
      return;
    }
    setPending(false);
    if (res.status === 401 && /sign in again/i.test(res.message)) {
      setExpired(true);
      setFormError(res.message);
      return;
    }
    if (res.fields.code) setFieldError(res.fields.code);
    else setFormError(res.message);
    inputRef.current?.select();
  }

  return (
    <div>
      {formError ? (
        <div role="alert" className="mb-5 flex items-start gap-2.5 rounded-md border border-danger-200 bg-danger-50 px-3 py-2.5 text-sm text-danger-800">
          <Icon name="alert" size={18} className="mt-px shrink-0 text-danger-600" />
          <p>{formError}</p>
        </div>
      ) : null}
      {expired ? (
        <Button href="/login" size="lg" fullWidth>
          Sign in again
        </Button>
      ) : (
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" aria-busy={pending || undefined}>
          <Input
            key={recovery ? "recovery" : "totp"}
            ref={inputRef}
            label={recovery ? "Recovery code" : "Authentication code"}
            hint={recovery ? "One of the codes you saved when you set up two-factor authentication, like k7m2p-x9qat." : "The 6-digit code from your authenticator app."}
            name="code"
            inputMode={recovery ? "text" : "numeric"}
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
            size="lg"
            error={fieldError ?? undefined}
            onChange={() => setFieldError(null)}
          />
          <Button type="submit" size="lg" fullWidth loading={pending} loadingText="Checking…">
            Verify
          </Button>
          <button
            type="button"
            onClick={() => {
              setRecovery((v) => !v);
              setFieldError(null);
            }}
            className="self-center rounded-sm text-sm font-medium text-brand-700 hover:text-brand-800 hover:underline"
          >
            {recovery ? "Use your authenticator app instead" : "Use a recovery code instead"}
          </button>
        </form>
      )}
      <p className="mt-6 text-center text-sm text-neutral-600">
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
