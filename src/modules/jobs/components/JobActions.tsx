"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { Button, Dialog, Input, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { SignaturePadField } from "@/ui/SignaturePadField.tsx";
import { completionRefusal, JOB_STATUS_LABELS, reasonRequired, statusActions, type JobStatus } from "../job-status";

const VERB: Partial<Record<JobStatus, string>> = {
  IN_PROGRESS: "Start",
  ON_HOLD: "Put on hold",
  CANCELLED: "Cancel job",
  INVOICED: "Mark invoiced",
};

type Props = {
  jobId: string;
  status: JobStatus;
  /** Required checklist items still open, as "label (checklist)". */
  openItems: string[];
  isAdmin: boolean;
};

/** Status moves (with a reason where one is needed) and completion with signature, gate and ADMIN override. */
export function JobActions({ jobId, status, openItems, isAdmin }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [target, setTarget] = useState<JobStatus | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [signerName, setSignerName] = useState("");
  const [signature, setSignature] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [completeError, setCompleteError] = useState<string | null>(null);
  const onSignature = useCallback((v: string | null) => setSignature(v), []);

  async function move(to: JobStatus, why?: string) {
    setBusy(true);
    const res = await callApi("POST", `/api/admin/jobs/${jobId}/status`, { to, ...(why ? { reason: why } : {}) });
    setBusy(false);
    if (!res.ok) {
      if (res.fields.reason) {
        setReasonError(res.fields.reason);
        return;
      }
      toast.error("Couldn't change the status", res.message);
      setTarget(null);
      return;
    }
    setTarget(null);
    setReason("");
    toast.success(`Job ${JOB_STATUS_LABELS[to].toLowerCase()}`);
    router.refresh();
  }

  function choose(to: JobStatus) {
    if (reasonRequired(to)) {
      setReason("");
      setReasonError(undefined);
      setTarget(to);
    } else void move(to);
  }

  async function complete() {
    const next: Record<string, string> = {};
    if (!signerName.trim()) next.signerName = "Enter the name of the person signing";
    if (!signature || signature.length < 100) next.signatureDataUrl = "Sign in the box";
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    setCompleteError(null);
    const res = await callApi("POST", `/api/admin/jobs/${jobId}/complete`, {
      signerName,
      signatureDataUrl: signature,
      ...(openItems.length && overrideReason.trim() ? { overrideReason } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fields);
      setCompleteError(res.message);
      return;
    }
    setCompleting(false);
    toast.success("Job completed");
    router.refresh();
  }

  const actions = statusActions(status);
  const canComplete = completionRefusal(status) === null;
  return (
    <div className="flex flex-wrap gap-2">
      {actions.map((to) => (
        <Button key={to} variant={to === "CANCELLED" ? "ghost" : "secondary"} onClick={() => choose(to)} disabled={busy}>
          {VERB[to] ?? JOB_STATUS_LABELS[to]}
        </Button>
      ))}
      {canComplete ? (
        <Button
          iconStart="checkCircle"
          onClick={() => {
            setErrors({});
            setCompleteError(null);
            setCompleting(true);
          }}
        >
          Complete job
        </Button>
      ) : null}

      <Dialog
        open={target !== null}
        onClose={() => setTarget(null)}
        dismissible={!busy}
        title={target === "CANCELLED" ? "Cancel this job?" : "Put this job on hold?"}
        description={target === "CANCELLED" ? "A cancelled job can't be reopened. The reason is kept on the job and in its history." : "The reason is shown on the job until it is resumed."}
        footer={
          <>
            <Button variant="ghost" onClick={() => setTarget(null)} disabled={busy}>
              Back
            </Button>
            <Button
              variant={target === "CANCELLED" ? "danger" : "primary"}
              loading={busy}
              loadingText="Saving…"
              onClick={() => {
                if (!reason.trim()) {
                  setReasonError("Give a reason");
                  return;
                }
                void move(target!, reason.trim());
              }}
            >
              {target === "CANCELLED" ? "Cancel job" : "Put on hold"}
            </Button>
          </>
        }
      >
        <Textarea label="Reason" name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} required />
      </Dialog>

      <Dialog
        open={completing}
        onClose={() => setCompleting(false)}
        dismissible={!busy}
        size="lg"
        title="Complete the job"
        description="The client (or their representative) signs to confirm the work is done."
        footer={
          <>
            <Button variant="ghost" onClick={() => setCompleting(false)} disabled={busy}>
              Back
            </Button>
            <Button loading={busy} loadingText="Completing…" onClick={() => void complete()}>
              {openItems.length && isAdmin && overrideReason.trim() ? "Complete with override" : "Complete job"}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-4">
          {openItems.length ? (
            <div role="note" className="rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800">
              <p className="font-medium">Required checklist items are still open:</p>
              <ul className="mt-1 list-disc pl-5">
                {openItems.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
              <p className="mt-1">{isAdmin ? "As an admin you can complete it anyway with a reason; the override is recorded." : "Tick them first, or ask an admin to complete the job with a reason."}</p>
            </div>
          ) : null}
          {completeError ? (
            <p role="alert" className="rounded-md bg-danger-50 px-3 py-2 text-sm text-danger-800">
              {completeError}
            </p>
          ) : null}
          <Input label="Name of the person signing" name="signerName" value={signerName} onChange={(e) => setSignerName(e.target.value)} error={errors.signerName} required autoComplete="off" />
          <SignaturePadField id="signature" label="Your signature" hint="Sign with your finger or mouse." onChange={onSignature} error={errors.signatureDataUrl} />
          {openItems.length && isAdmin ? (
            <Textarea label="Override reason" name="overrideReason" rows={3} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} error={errors.overrideReason} optional hint="Only to complete with the items above open: why the job is done anyway. It is recorded in the job's history." />
          ) : null}
        </div>
      </Dialog>
    </div>
  );
}
