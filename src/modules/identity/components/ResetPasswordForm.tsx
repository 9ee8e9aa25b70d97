"use client";

import { useState, type FormEvent } from "react";
import { Button, Input } from "@/ui";
import { resetPasswordInput } from "../email-signin.schema.ts";
import { callApi } from "@/ui/client-api";

type Errors = Partial<Record<"password" | "confirm", string>>;

export function ResetPasswordForm({ token }: { token: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    setFormError(null);
    const data = new FormData(e.currentTarget);
    const parsed = resetPasswordInput.safeParse({ token, password: String(data.get("password") ?? ""), confirm: String(data.get("confirm") ?? "") });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if ((key === "password" || key === "confirm") && !next[key]) next[key] = issue.message;
        if (key === "token") setFormError(issue.message);
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setPending(true);
    const res = await callApi<{ redirectTo: string }>("POST", "/api/auth/password-reset/complete", parsed.data);
    if (res.ok) {
      window.location.assign(res.data.redirectTo);
      return;
    }
    setPending(false);
    setErrors({ password: res.fields.password, confirm: res.fields.confirm });
    if (!res.fields.password && !res.fields.confirm) setFormError(res.message);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? (
        <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {formError}
        </p>
      ) : null}
      <Input name="password" type="password" label="New password" hint="At least 12 characters. A short sentence works well." autoComplete="new-password" required error={errors.password} />
      <Input name="confirm" type="password" label="Repeat the new password" autoComplete="new-password" required error={errors.confirm} />
      <Button type="submit" loading={pending} loadingText="Saving…" fullWidth>
        Set new password
      </Button>
      <p className="text-xs text-neutral-600">Every device signed in to this account will be signed out.</p>
    </form>
  );
}
