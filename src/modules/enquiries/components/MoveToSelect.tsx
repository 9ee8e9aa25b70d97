"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi } from "@/ui/client-api";
import { controlClasses, useToast } from "@/ui";
import type { EnquiryView } from "../enquiries.schema";

/** A plain, keyboard-friendly select that moves an enquiry to another stage. */
export function MoveToSelect({
  enquiryId,
  enquiryName,
  stageId,
  stages,
  label = "Move to…",
  hideLabel = true,
}: {
  enquiryId: string;
  enquiryName: string;
  stageId: string;
  stages: { id: string; name: string }[];
  label?: string;
  hideLabel?: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const id = useId();
  const [busy, setBusy] = useState(false);

  async function move(next: string) {
    if (!next || next === stageId) return;
    setBusy(true);
    const res = await callApi<EnquiryView>("POST", `/api/admin/enquiries/${enquiryId}/move`, { stageId: next });
    setBusy(false);
    if (!res.ok) {
      toast.error("Couldn't move the enquiry", res.message);
      return;
    }
    toast.success(`${enquiryName} moved to ${res.data.stage.name}`);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-medium text-neutral-800"}>
        {hideLabel ? `Move ${enquiryName} to another stage` : label}
      </label>
      <select
        id={id}
        value={hideLabel ? "" : stageId}
        disabled={busy}
        aria-busy={busy || undefined}
        onChange={(e) => void move(e.target.value)}
        className={controlClasses({ className: "sm:h-8 sm:text-sm" })}
      >
        {hideLabel ? <option value="">{busy ? "Moving…" : label}</option> : null}
        {stages
          .filter((s) => !hideLabel || s.id !== stageId)
          .map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
      </select>
    </div>
  );
}
