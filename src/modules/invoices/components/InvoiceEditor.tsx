"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Card, formatMoney, IconButton, Input, Select, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { penceToPounds, poundsToPence, quantityToMilli } from "./money-input.ts";

type LineForm = { key: number; kind: "LABOUR" | "MATERIALS" | "FIXED"; description: string; quantity: string; unit: string; vat: string };

export type EditorLine = { kind: "LABOUR" | "MATERIALS" | "FIXED"; description: string; quantityMilli: number; unitPricePence: number; vatRateBps: number | null; vatRuleKey: string | null };

const KINDS = [
  { value: "LABOUR", label: "Labour" },
  { value: "MATERIALS", label: "Materials" },
  { value: "FIXED", label: "Fixed price" },
];

/** VAT choices: fixed rates, or a rule whose rate follows the supply date (energy-saving materials). */
const VAT = [
  { value: "2000", label: "20%" },
  { value: "500", label: "5%" },
  { value: "0", label: "0% (zero-rated)" },
  { value: "exempt", label: "Exempt" },
  { value: "ENERGY_SAVING_MATERIALS", label: "Energy-saving materials (by supply date)" },
];

function vatKey(l: EditorLine): string {
  if (l.vatRuleKey === "ENERGY_SAVING_MATERIALS") return "ENERGY_SAVING_MATERIALS";
  return l.vatRateBps === null ? "exempt" : String(l.vatRateBps);
}

let seq = 0;
const blank = (): LineForm => ({ key: ++seq, kind: "LABOUR", description: "", quantity: "1", unit: "", vat: "2000" });

/** Draft invoice form: client (new only), title, supply date, notes and lines. The server prices it. */
export function InvoiceEditor({
  invoiceId,
  clients,
  initial,
}: {
  invoiceId?: string;
  clients?: { id: string; name: string }[];
  initial?: { clientId?: string; title: string; notes: string | null; supplyDate: string | null; lines: EditorLine[] };
}) {
  const router = useRouter();
  const toast = useToast();
  const [lines, setLines] = useState<LineForm[]>(
    initial?.lines.length ? initial.lines.map((l) => ({ key: ++seq, kind: l.kind, description: l.description, quantity: String(l.quantityMilli / 1000), unit: penceToPounds(l.unitPricePence), vat: vatKey(l) })) : [blank()],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function set(key: number, patch: Partial<LineForm>) {
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  }

  const preview = lines.reduce((s, l) => s + Math.round(((quantityToMilli(l.quantity) ?? 0) * (poundsToPence(l.unit) ?? 0)) / 1000), 0);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const fieldErrors: Record<string, string> = {};
    const out = lines.map((l, i) => {
      const quantityMilli = quantityToMilli(l.quantity);
      const unitPricePence = poundsToPence(l.unit);
      if (!l.description.trim()) fieldErrors[`lines.${i}.description`] = "Describe the line";
      if (quantityMilli === null) fieldErrors[`lines.${i}.quantityMilli`] = "A number more than 0";
      if (unitPricePence === null) fieldErrors[`lines.${i}.unitPricePence`] = "Pounds, e.g. 45.00";
      const rule = l.vat === "ENERGY_SAVING_MATERIALS";
      return {
        kind: l.kind,
        description: l.description.trim(),
        quantityMilli,
        unitPricePence,
        discountBps: 0,
        vatRateBps: rule ? 0 : l.vat === "exempt" ? null : Number(l.vat),
        vatRuleKey: rule ? "ENERGY_SAVING_MATERIALS" : null,
      };
    });
    if (Object.keys(fieldErrors).length) {
      setErrors(fieldErrors);
      return;
    }
    const body = {
      title: String(f.get("title") ?? ""),
      notes: String(f.get("notes") ?? "").trim() || null,
      supplyDate: String(f.get("supplyDate") ?? "") || null,
      lines: out,
    };
    setBusy(true);
    const res = invoiceId
      ? await callApi<{ id: string }>("PATCH", `/api/admin/invoices/${invoiceId}`, body)
      : await callApi<{ id: string }>("POST", "/api/admin/invoices", { source: "blank", clientId: f.get("clientId"), ...body });
    setBusy(false);
    if (!res.ok) {
      setErrors({ ...res.fields, form: res.message });
      return;
    }
    toast.success(invoiceId ? "Draft saved" : "Draft invoice created", "Issue it when it's ready.");
    router.push(`/admin/invoices/${res.data.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <Card title="Details">
        <div className="grid gap-4 md:grid-cols-2">
          {clients ? <Select name="clientId" label="Client" required placeholder="Choose a client" defaultValue={initial?.clientId ?? ""} options={clients.map((c) => ({ value: c.id, label: c.name }))} error={errors.clientId} /> : null}
          <Input name="title" label="Title" required defaultValue={initial?.title ?? ""} error={errors.title} placeholder="e.g. Consumer unit replacement" />
          <Input name="supplyDate" type="date" label="Date of supply" optional defaultValue={initial?.supplyDate ?? ""} hint="When the work was done, if not the issue date. VAT rates follow it." error={errors.supplyDate} />
          <Textarea name="notes" label="Notes for the client" optional rows={2} defaultValue={initial?.notes ?? ""} error={errors.notes} containerClassName="md:col-span-2" />
        </div>
      </Card>
      <Card title="Lines">
        <ol className="flex flex-col gap-4">
          {lines.map((l, i) => (
            <li key={l.key} className="grid gap-3 rounded-md border border-neutral-200 p-3 md:grid-cols-[8rem_1fr_6rem_8rem_12rem_auto] md:items-end">
              <Select label="Kind" value={l.kind} onChange={(e) => set(l.key, { kind: e.target.value as LineForm["kind"] })} options={KINDS} />
              <Input label="Description" value={l.description} onChange={(e) => set(l.key, { description: e.target.value })} error={errors[`lines.${i}.description`]} />
              <Input label="Qty" inputMode="decimal" value={l.quantity} onChange={(e) => set(l.key, { quantity: e.target.value })} error={errors[`lines.${i}.quantityMilli`]} />
              <Input label="Unit price (excl. VAT)" leading="£" inputMode="decimal" value={l.unit} onChange={(e) => set(l.key, { unit: e.target.value })} error={errors[`lines.${i}.unitPricePence`]} />
              <Select label="VAT" value={l.vat} onChange={(e) => set(l.key, { vat: e.target.value })} options={VAT} />
              <IconButton icon="trash" label={`Remove line ${i + 1}`} variant="ghost" onClick={() => setLines((ls) => (ls.length > 1 ? ls.filter((x) => x.key !== l.key) : ls))} disabled={lines.length === 1} />
            </li>
          ))}
        </ol>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <Button type="button" variant="secondary" iconStart="plus" onClick={() => setLines((ls) => [...ls, blank()])}>
            Add line
          </Button>
          <p className="text-sm text-neutral-700">
            Net before discounts: <span className="font-medium tabular-nums">{formatMoney(preview)}</span> (VAT, reverse charge and CIS are worked out when saved)
          </p>
        </div>
      </Card>
      {errors.form ? (
        <p role="alert" className="text-sm text-danger-700">
          {errors.form}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" loading={busy} loadingText="Saving…">
          {invoiceId ? "Save draft" : "Create draft invoice"}
        </Button>
        <Button href={invoiceId ? `/admin/invoices/${invoiceId}` : "/admin/invoices"} variant="ghost">
          Cancel
        </Button>
      </div>
    </form>
  );
}
