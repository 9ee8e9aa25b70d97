"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Dialog, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";

type Props = {
  engineer: { id: string; name: string };
  weekStart: string;
  timesheetId: string | null;
  status: "OPEN" | "SUBMITTED" | "APPROVED" | "REJECTED";
  canSubmit: boolean;
  canApprove: boolean;
};

/** Submit (for the engineer), approve, or reject with a reason. */
export function TimesheetActions({ engineer, weekStart, timesheetId, status, canSubmit, canApprove }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();

  async function run(kind: "submit" | "approve" | "reject") {
    setBusy(kind);
    const res =
      kind === "submit"
        ? await callApi("POST", "/api/admin/timesheets/submit", { engineerId: engineer.id, weekStart })
        : await callApi("POST", `/api/admin/timesheets/${timesheetId}/${kind}`, kind === "reject" ? { reason } : undefined);
    setBusy(null);
    if (!res.ok) {
      if (kind === "reject" && res.fields.reason) {
        setReasonError(res.fields.reason);
        return;
      }
      toast.error(kind === "submit" ? "Couldn't submit the timesheet" : kind === "approve" ? "Couldn't approve the timesheet" : "Couldn't reject the timesheet", res.message);
      setRejecting(false);
      return;
    }
    setRejecting(false);
    setReason("");
    toast.success(kind === "submit" ? `${engineer.name}'s week submitted` : kind === "approve" ? `${engineer.name}'s week approved` : `${engineer.name}'s week sent back`);
    router.refresh();
  }

  return (
    <span className="flex flex-wrap justify-end gap-1">
      {canSubmit && (status === "OPEN" || status === "REJECTED") ? (
        <Button size="sm" variant="secondary" onClick={() => void run("submit")} loading={busy === "submit"} loadingText="Submitting…" aria-label={`Submit ${engineer.name}'s week`}>
          Submit
        </Button>
      ) : null}
      {canApprove && status === "SUBMITTED" && timesheetId ? (
        <>
          <Button size="sm" onClick={() => void run("approve")} loading={busy === "approve"} loadingText="Approving…" aria-label={`Approve ${engineer.name}'s week`}>
            Approve
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setRejecting(true)} aria-label={`Reject ${engineer.name}'s week`}>
            Reject
          </Button>
        </>
      ) : null}
      <Dialog
        open={rejecting}
        onClose={() => setRejecting(false)}
        dismissible={busy === null}
        title={`Send ${engineer.name}'s week back?`}
        description="Their entries can be changed again; they (or the office) then resubmit."
        footer={
          <>
            <Button variant="ghost" onClick={() => setRejecting(false)} disabled={busy !== null}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={busy === "reject"}
              loadingText="Rejecting…"
              onClick={() => {
                if (!reason.trim()) {
                  setReasonError("Say what needs changing");
                  return;
                }
                void run("reject");
              }}
            >
              Reject
            </Button>
          </>
        }
      >
        <Textarea label="What needs changing" name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} required />
      </Dialog>
    </span>
  );
}
