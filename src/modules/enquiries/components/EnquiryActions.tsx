"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi } from "@/ui/client-api";
import { Button, ConfirmDialog, controlClasses, useToast } from "@/ui";
import type { EnquiryView, OwnerOption } from "../enquiries.schema";
import { MoveToSelect } from "./MoveToSelect";

function OwnerSelect({ enquiry, owners }: { enquiry: EnquiryView; owners: OwnerOption[] }) {
  const router = useRouter();
  const toast = useToast();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const listed = enquiry.owner && !owners.some((o) => o.id === enquiry.owner!.id) ? [...owners, enquiry.owner] : owners;

  async function assign(value: string) {
    setBusy(true);
    const res = await callApi<EnquiryView>("POST", `/api/admin/enquiries/${enquiry.id}/assign`, { ownerId: value === "" ? null : value });
    setBusy(false);
    if (!res.ok) {
      toast.error("Couldn't change the owner", res.message);
      return;
    }
    toast.success(res.data.owner ? `Assigned to ${res.data.owner.name}` : "Owner removed");
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-neutral-800">
        Owner
      </label>
      <select id={id} value={enquiry.owner?.id ?? ""} disabled={busy} onChange={(e) => void assign(e.target.value)} className={controlClasses({})}>
        <option value="">Unassigned</option>
        {listed.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function ConvertButton({ enquiry, hasWonStage, canQuote }: { enquiry: EnquiryView; hasWonStage: boolean; canQuote: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [markWon, setMarkWon] = useState(hasWonStage && !enquiry.stage.isWon);
  const [error, setError] = useState<string | null>(null);
  const siteToo = !!(enquiry.addressLine1 && enquiry.town && enquiry.postcode);

  async function convert() {
    setError(null);
    const res = await callApi<{ clientId: string; siteId: string | null; quoteId: string | null; quoteNumber: string | null }>("POST", `/api/admin/enquiries/${enquiry.id}/convert`, { markWon });
    if (!res.ok) {
      setError(res.message);
      return;
    }
    setOpen(false);
    const site = res.data.siteId ? "Their address was added as a site. " : "";
    if (res.data.quoteId) {
      toast.success(`${enquiry.name} is now a client`, `${site}Draft quote ${res.data.quoteNumber} is ready to build.`);
      router.push(`/admin/quotes/${res.data.quoteId}/edit`);
      return;
    }
    toast.success(`${enquiry.name} is now a client`, site || undefined);
    router.refresh();
  }

  if (enquiry.convertedAt) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} iconStart="users">
        Convert to client
      </Button>
      <ConfirmDialog
        open={open}
        tone="primary"
        onCancel={() => setOpen(false)}
        onConfirm={convert}
        title={`Convert ${enquiry.name} to a client?`}
        description={
          (siteToo ? "Creates a client with their contact details and a site at their address" : "Creates a client with their contact details (there's no full address, so no site is added)") +
          (canQuote ? ", then opens a draft quote for them to build." : ".")
        }
        confirmLabel="Convert"
      >
        {hasWonStage && !enquiry.stage.isWon ? (
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-brand-700" checked={markWon} onChange={(e) => setMarkWon(e.target.checked)} />
            Also move it to the won stage
          </label>
        ) : null}
        {error ? (
          <p role="alert" className="mt-3 text-sm font-medium text-danger-700">
            {error}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

/** The record header's controls: stage, owner, and convert. */
export function EnquiryActions({
  enquiry,
  owners,
  stages,
  canQuote,
}: {
  enquiry: EnquiryView;
  owners: OwnerOption[];
  stages: { id: string; name: string; isWon: boolean }[];
  /** Whether converting also makes the draft quote (the user manages quotes). */
  canQuote: boolean;
}) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="sm:w-52">
        <MoveToSelect enquiryId={enquiry.id} enquiryName={enquiry.name} stageId={enquiry.stage.id} stages={stages} label="Stage" hideLabel={false} />
      </div>
      <div className="sm:w-52">
        <OwnerSelect enquiry={enquiry} owners={owners} />
      </div>
      <ConvertButton enquiry={enquiry} hasWonStage={stages.some((s) => s.isWon)} canQuote={canQuote} />
    </div>
  );
}
