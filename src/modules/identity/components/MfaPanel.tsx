"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Card, Dialog, Input, StatusBadge, formatDate, useToast } from "@/ui";
import { mfaConfirmInput, mfaDisableInput, type MfaEnrolmentView } from "../identity.schema";
import { callApi } from "@/ui/client-api";

export type MfaPanelProps = {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** The company that requires MFA for this person's role, if any. */
  requiredBy: string | null;
  /** Acting as someone else: their security settings are not the admin's to change. */
  readOnly?: boolean;
  /** Where to go once MFA is on (e.g. the portal home when the company's requirement held the session). */
  afterEnableHref?: string;
  timeZone: string;
};

type Stage = { kind: "idle" } | { kind: "enrolling"; enrolment: MfaEnrolmentView } | { kind: "codes"; codes: string[] };

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n");
  return (
    <div className="flex flex-col gap-4">
      <div role="status" className="rounded-md border border-warning-200 bg-warning-50 px-3 py-2.5 text-sm text-warning-800">
        Save these recovery codes somewhere safe. Each works once if you lose your phone. You won&rsquo;t see them again.
      </div>
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md border border-neutral-200 bg-neutral-50 p-4 font-mono text-sm sm:grid-cols-5">
        {codes.map((c) => (
          <li key={c} className="tabular-nums">
            {c}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          iconStart="check"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(text);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? "Copied" : "Copy codes"}
        </Button>
        <Button variant="secondary" iconStart="download" href={`data:text/plain;charset=utf-8,${encodeURIComponent(`Quantract recovery codes\n\n${text}\n`)}`} download="quantract-recovery-codes.txt">
          Download
        </Button>
        <Button onClick={onDone}>I&rsquo;ve saved them</Button>
      </div>
    </div>
  );
}

function Enrolment({ enrolment, onEnabled, onCancel }: { enrolment: MfaEnrolmentView; onEnabled: (codes: string[]) => void; onCancel: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const parsed = mfaConfirmInput.safeParse({ code: String(new FormData(e.currentTarget).get("code") ?? "") });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter the code");
      return;
    }
    setBusy(true);
    const res = await callApi<{ recoveryCodes: string[] }>("POST", "/api/auth/mfa/confirm", parsed.data);
    setBusy(false);
    if (res.ok) onEnabled(res.data.recoveryCodes);
    else setError(res.fields.code ?? res.message);
  }

  return (
    <div className="grid gap-6 md:grid-cols-[auto_1fr]">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL rendered on our server */}
      <img src={enrolment.qrCodeDataUrl} alt="QR code to scan with your authenticator app" width={184} height={184} className="rounded-md border border-neutral-200 bg-white p-2" />
      <div className="flex min-w-0 flex-col gap-4">
        <ol className="list-decimal space-y-1 pl-5 text-sm text-neutral-700">
          <li>Open an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…).</li>
          <li>Scan the QR code, or type the setup key below.</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        <div>
          <p className="text-sm font-medium text-neutral-800">Setup key</p>
          <p data-testid="mfa-secret" className="mt-1 font-mono text-sm break-all text-neutral-900 select-all">
            {enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}
          </p>
        </div>
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Input name="code" label="6-digit code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} error={error ?? undefined} onChange={() => setError(null)} containerClassName="sm:w-48" />
          <div className="flex gap-2">
            <Button type="submit" loading={busy} loadingText="Checking…">
              Turn on
            </Button>
            <Button variant="ghost" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}

function DisableDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const data = new FormData(e.currentTarget);
    const parsed = mfaDisableInput.safeParse({ password: String(data.get("password") ?? ""), code: String(data.get("code") ?? "") });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const i of parsed.error.issues) next[String(i.path[0])] ??= i.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    const res = await callApi("POST", "/api/auth/mfa/disable", parsed.data);
    setBusy(false);
    if (res.ok) return onDone();
    setErrors(res.fields);
    if (!Object.keys(res.fields).length) setFormError(res.message);
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      dismissible={!busy}
      title="Turn off two-factor authentication?"
      description="Your account will be protected by your password only. Confirm with your password and a current code."
    >
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4 pb-2" id="mfa-disable-form">
        {formError ? (
          <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
            {formError}
          </p>
        ) : null}
        <Input name="password" type="password" label="Password" autoComplete="current-password" error={errors.password} data-autofocus="" />
        <Input name="code" label="Authentication code" hint="From your authenticator app, or a recovery code." autoComplete="one-time-code" error={errors.code} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Keep it on
          </Button>
          <Button type="submit" variant="danger" loading={busy} loadingText="Turning off…">
            Turn off
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Two-factor authentication on the user's own account: enrol, recovery codes, turn off. */
export function MfaPanel({ enabled, enabledAt, recoveryCodesLeft, requiredBy, readOnly, afterEnableHref, timeZone }: MfaPanelProps) {
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [disableOpen, setDisableOpen] = useState(false);
  const router = useRouter();
  const toast = useToast();

  async function start() {
    setStarting(true);
    setError(null);
    const res = await callApi<MfaEnrolmentView>("POST", "/api/auth/mfa/enrol");
    setStarting(false);
    if (res.ok) setStage({ kind: "enrolling", enrolment: res.data });
    else setError(res.message);
  }

  const badge = <StatusBadge status={enabled ? "active" : "draft"} label={enabled ? "On" : "Off"} size="md" />;

  return (
    <Card
      title="Two-factor authentication"
      description="A code from an authenticator app on your phone, asked for after your password."
      actions={stage.kind === "idle" ? badge : undefined}
    >
      {error ? (
        <p role="alert" className="mb-4 rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {error}
        </p>
      ) : null}
      {stage.kind === "codes" ? (
        <RecoveryCodes
          codes={stage.codes}
          onDone={() => {
            setStage({ kind: "idle" });
            if (afterEnableHref) window.location.assign(afterEnableHref);
            else router.refresh();
          }}
        />
      ) : stage.kind === "enrolling" ? (
        <Enrolment
          enrolment={stage.enrolment}
          onCancel={() => setStage({ kind: "idle" })}
          onEnabled={(codes) => {
            toast.success("Two-factor authentication is on");
            setStage({ kind: "codes", codes });
          }}
        />
      ) : enabled ? (
        <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
          <div className="text-sm text-neutral-700">
            <p>Turned on {enabledAt ? formatDate(enabledAt, timeZone) : ""}.</p>
            <p className={recoveryCodesLeft <= 2 ? "font-medium text-warning-800" : undefined}>
              {recoveryCodesLeft} of 10 recovery codes left.
            </p>
          </div>
          {readOnly ? null : requiredBy ? (
            <p className="text-sm text-neutral-600">{requiredBy} requires it for your role.</p>
          ) : (
            <Button variant="secondary" onClick={() => setDisableOpen(true)}>
              Turn off
            </Button>
          )}
        </div>
      ) : (
        <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-neutral-700">
            {requiredBy ? `${requiredBy} requires two-factor authentication for your role. Set it up to continue.` : "Add a second step to sign-in so a stolen password is not enough."}
          </p>
          {readOnly ? null : (
            <Button onClick={start} loading={starting} loadingText="Preparing…" iconStart="plus">
              Set up two-factor authentication
            </Button>
          )}
        </div>
      )}
      <DisableDialog
        open={disableOpen}
        onClose={() => setDisableOpen(false)}
        onDone={() => {
          setDisableOpen(false);
          toast.success("Two-factor authentication is off");
          router.refresh();
        }}
      />
    </Card>
  );
}
