"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Card, ConfirmDialog, Dialog, Input, Select, formatShortDate, useToast } from "@/ui";
import { inviteUserInput, type InvitationView } from "../invitations.schema";
import { callApi } from "@/ui/client-api";

const ROLE_OPTIONS = [
  { value: "OFFICE", label: "Office" },
  { value: "ENGINEER", label: "Engineer" },
  { value: "CLIENT", label: "Client" },
  { value: "ADMIN", label: "Admin" },
];

/** "Invite someone" button + dialog (name, email, role). */
export function InviteButton({ canInviteAdmins }: { canInviteAdmins: boolean }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  const toast = useToast();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const values = Object.fromEntries(new FormData(e.currentTarget).entries());
    const parsed = inviteUserInput.safeParse(values);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const i of parsed.error.issues) next[String(i.path[0])] ??= i.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    const res = await callApi<InvitationView>("POST", "/api/admin/invitations", parsed.data);
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fields);
      if (!Object.keys(res.fields).length) setFormError(res.message);
      return;
    }
    setOpen(false);
    toast.success(`Invitation sent to ${parsed.data.email}`, "The link works for 7 days.");
    router.refresh();
  }

  return (
    <>
      <Button iconStart="plus" onClick={() => setOpen(true)}>
        Invite someone
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} dismissible={!busy} title="Invite someone" description="They get an email with a link to set their password and join.">
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4 pb-2">
          {formError ? (
            <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
              {formError}
            </p>
          ) : null}
          <Input name="name" label="Name" autoComplete="off" error={errors.name} data-autofocus="" />
          <Input name="email" label="Email" type="email" autoComplete="off" error={errors.email} />
          <Select name="role" label="Role" options={ROLE_OPTIONS.filter((o) => canInviteAdmins || o.value !== "ADMIN")} defaultValue="OFFICE" error={errors.role} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} loadingText="Sending…">
              Send invitation
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/** Pending invitations with "Cancel" each. */
export function PendingInvitations({ invitations, canManage, timeZone }: { invitations: InvitationView[]; canManage: boolean; timeZone: string }) {
  const [cancel, setCancel] = useState<InvitationView | null>(null);
  const router = useRouter();
  const toast = useToast();
  if (invitations.length === 0) return null;
  return (
    <Card title="Pending invitations" description="Waiting for the person to accept." padding="none">
      <ul className="divide-y divide-neutral-100">
        {invitations.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <span className="min-w-0">
              <span className="block font-medium break-all text-neutral-900">{i.email}</span>
              <span className="block text-neutral-600">
                {i.role.charAt(0) + i.role.slice(1).toLowerCase()} · expires {formatShortDate(i.expiresAt, timeZone)}
              </span>
            </span>
            {canManage ? (
              <Button size="sm" variant="ghost" onClick={() => setCancel(i)} aria-label={`Cancel the invitation to ${i.email}`}>
                Cancel
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={cancel !== null}
        onCancel={() => setCancel(null)}
        title="Cancel this invitation?"
        description={cancel ? `The link sent to ${cancel.email} stops working.` : undefined}
        confirmLabel="Cancel invitation"
        cancelLabel="Keep it"
        onConfirm={async () => {
          if (!cancel) return;
          const res = await callApi("POST", `/api/admin/invitations/${cancel.id}/revoke`);
          setCancel(null);
          if (res.ok) {
            toast.success("Invitation cancelled");
            router.refresh();
          } else toast.error("Couldn't cancel the invitation", res.message);
        }}
      />
    </Card>
  );
}
