"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/ui/Button";
import { Input } from "@/ui/Field";
import { acceptInvitationInput } from "../invitations.schema";
import { callApi, safeNextPath } from "@/ui/client-api";

/** A new person chooses their name and password; an existing user just joins. */
export function AcceptInvitationForm({ token, email, existingUser }: { token: string; email: string; existingUser: boolean }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const data = new FormData(e.currentTarget);
    const values = existingUser
      ? { token }
      : { token, name: String(data.get("name") ?? ""), password: String(data.get("password") ?? ""), confirm: String(data.get("confirm") ?? "") };
    const parsed = acceptInvitationInput.safeParse(values);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const i of parsed.error.issues) next[String(i.path[0])] ??= i.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    const res = await callApi<{ redirectTo: string }>("POST", "/api/auth/invitations/accept", parsed.data);
    if (res.ok) {
      window.location.assign(safeNextPath(res.data.redirectTo) ?? "/");
      return;
    }
    setBusy(false);
    setErrors(res.fields);
    if (!Object.keys(res.fields).length) setFormError(res.message);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      {formError ? (
        <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2.5 text-sm text-danger-800">
          {formError}
        </p>
      ) : null}
      <Input label="Email" name="email" value={email} readOnly size="lg" />
      {existingUser ? (
        <p className="text-sm text-neutral-700">You already have a Quantract account. Join, then sign in with your usual password.</p>
      ) : (
        <>
          <Input label="Your name" name="name" autoComplete="name" size="lg" error={errors.name} />
          <Input label="Choose a password" name="password" type="password" autoComplete="new-password" hint="At least 12 characters." size="lg" error={errors.password} />
          <Input label="Repeat the password" name="confirm" type="password" autoComplete="new-password" size="lg" error={errors.confirm} />
        </>
      )}
      <Button type="submit" size="lg" fullWidth loading={busy} loadingText="Joining…">
        {existingUser ? "Join" : "Set password and join"}
      </Button>
    </form>
  );
}
