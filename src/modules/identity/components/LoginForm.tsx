"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/ui/Button";
import { Input } from "@/ui/Field";
import { Icon } from "@/ui/icons";
import { loginInput } from "../identity.schema";
import { safeNextPath } from "@/ui/client-api";

type FieldName = "email" | "password";
type FieldErrors = Partial<Record<FieldName, string>>;

type ApiError = { error?: { code?: string; message?: string; fields?: Record<string, string> } };

const NETWORK_ERROR = "Can't reach Quantract. Check your connection and try again.";
const GENERIC_ERROR = "Something went wrong on our side. Try again in a moment.";

function tooManyAttemptsMessage(retryAfter: string | null): string {
  const seconds = retryAfter ? Number.parseInt(retryAfter, 10) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) return "Too many attempts. Try again in a few minutes.";
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

async function readJson<T>(res: Response): Promise<T | null> {
  try {
    return (await res.json()) as T;
  } catch {
    return null;
  }
}

export function LoginForm() {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  function focusFirstInvalid(errors: FieldErrors) {
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    setFormError(null);

    const data = new FormData(e.currentTarget);
    const parsed = loginInput.safeParse({
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
    });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if ((key === "email" || key === "password") && !errors[key]) errors[key] = issue.message;
      }
      setFieldErrors(errors);
      focusFirstInvalid(errors);
      return;
    }
    setFieldErrors({});
    setPending(true);

    let res: Response;
    try {
      res = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(parsed.data),
      });
    } catch {
      setFormError(NETWORK_ERROR);
      setPending(false);
      return;
    }

    if (res.ok) {
      const body = await readJson<{ redirectTo?: string; mfaRequired?: boolean }>(res);
      const next = safeNextPath(new URLSearchParams(window.location.search).get("next"));
      if (body?.mfaRequired) {
        window.location.assign(next ? `/login/mfa?next=${encodeURIComponent(next)}` : "/login/mfa");
        return; // keep the button busy while the browser navigates
      }
      const redirectTo = next ?? safeNextPath(body?.redirectTo) ?? "/";
      window.location.assign(redirectTo);
      return;
    }

    const body = await readJson<ApiError>(res);
    if (res.status === 429) {
      setFormError(tooManyAttemptsMessage(res.headers.get("retry-after")));
    } else if (res.status === 400 && body?.error?.fields && Object.keys(body.error.fields).length) {
      const errors: FieldErrors = {};
      for (const [key, message] of Object.entries(body.error.fields)) {
        if (key === "email" || key === "password") errors[key] = message;
      }
      if (Object.keys(errors).length) {
        setFieldErrors(errors);
        focusFirstInvalid(errors);
      } else {
        setFormError(body.error.message ?? GENERIC_ERROR);
      }
    } else if (res.status === 401) {
      setFormError(body?.error?.message ?? "Email or password is incorrect.");
    } else {
      setFormError(body?.error?.message ?? GENERIC_ERROR);
    }
    setPending(false);
  }

  function clearFieldError(name: FieldName) {
    if (fieldErrors[name]) setFieldErrors((prev) => ({ ...prev, [name]: undefined }));
  }

  return (
    <div>
      {formError ? (
        <div
          role="alert"
          className="mb-5 flex items-start gap-2.5 rounded-md border border-danger-200 bg-danger-50 px-3 py-2.5 text-sm text-danger-800"
        >
          <Icon name="alert" size={18} className="mt-px shrink-0 text-danger-600" />
          <p>{formError}</p>
        </div>
      ) : null}

      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" aria-busy={pending || undefined}>
        <Input
          ref={emailRef}
          label="Email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          size="lg"
          error={fieldErrors.email}
          onChange={() => clearFieldError("email")}
        />
        <Input
          ref={passwordRef}
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          size="lg"
          error={fieldErrors.password}
          onChange={() => clearFieldError("password")}
        />
        <Button type="submit" size="lg" fullWidth loading={pending} loadingText="Signing in…">
          Sign in
        </Button>
      </form>

      <div className="my-6 flex items-center gap-3 text-xs text-neutral-500" aria-hidden="true">
        <span className="h-px flex-1 bg-neutral-200" />
        or
        <span className="h-px flex-1 bg-neutral-200" />
      </div>

      <div className="flex flex-col items-center gap-4">
        <Button href="/login/magic-link" variant="secondary" size="lg" fullWidth iconStart="mail">
          Email me a sign-in link
        </Button>
        <Link
          href="/forgot-password"
          className="rounded-sm text-sm font-medium text-brand-700 hover:text-brand-800 hover:underline"
        >
          Forgot password?
        </Link>
      </div>
    </div>
  );
}
