"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button, Input } from "@/ui";
import { emailOnlyInput } from "../email-signin.schema.ts";
import { callApi } from "@/ui/client-api";

/** Asks for an email and requests a link (sign-in or reset); the answer never says whether the account exists. */
export function EmailLinkForm({ endpoint, submitLabel, sentText }: { endpoint: string; submitLabel: string; sentText: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    setError(null);
    const parsed = emailOnlyInput.safeParse({ email: String(new FormData(e.currentTarget).get("email") ?? "") });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return;
    }
    setFieldError(undefined);
    setPending(true);
    const res = await callApi("POST", endpoint, parsed.data);
    setPending(false);
    if (res.ok) setSentTo(parsed.data.email);
    else if (res.fields.email) setFieldError(res.fields.email);
    else setError(res.message);
  }

  if (sentTo) {
    return (
      <div role="status" className="flex flex-col gap-3 text-sm text-neutral-800">
        <p className="font-medium">Check your email</p>
        <p>
          If <strong className="break-all">{sentTo}</strong> has a Quantract account, {sentText}
        </p>
        <Link href="/login" className="font-medium text-neutral-900 underline underline-offset-4">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {error ? (
        <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {error}
        </p>
      ) : null}
      <Input name="email" type="email" label="Email" autoComplete="email" required error={fieldError} />
      <Button type="submit" loading={pending} loadingText="Sending…" fullWidth>
        {submitLabel}
      </Button>
      <Link href="/login" className="text-center text-sm font-medium text-neutral-700 underline-offset-4 hover:underline">
        Back to sign in
      </Link>
    </form>
  );
}
