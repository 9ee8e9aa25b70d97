"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Card, formatMoney, IconButton, Input, Select, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { SearchPicker } from "@/ui/SearchPicker";
import { searchClients } from "@/modules/clients/components/client-search";
import { lineFormFrom, linesFromForm, previewTotals, type EditorLine, type LineForm } from "./invoice-form.ts";

export type { EditorLine } from "./invoice-form.ts";

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

let seq = 0;
const blank = (): LineForm => ({ key: ++seq, kind: "LABOUR", description: "", quantity: "1", unit: "", discount: "", vat: "2000" });

/** Draft invoice form: client (new only), title, supply date, notes and lines. The server prices it. */
export function InvoiceEditor({
  invoiceId,
  newFor,
  initial,
}: {
  invoiceId?: string;
  /** A new invoice: the client is searched for, or chosen already (from the client's page). */
  newFor?: { client: { id: string; name: string } | null };
  initial?: { title: string; notes: string | null; supplyDate: string | null; lines: EditorLine[] };
}) {
  const router = useRouter();
  const toast = useToast();
  const [lines, setLines] = useState<LineForm[]>(
    initial?.lines.length ? initial.lines.map((l) => lineFormFrom(l, ++seq)) : [blank()],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function set(key: number, patch: Partial<LineForm>) {
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  }

  const preview = previewTotals(lines);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const { lines: out, errors: fieldErrors } = linesFromForm(lines);
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
          {newFor ? (
            <SearchPicker
              name="clientId"
              label="Client"
              required
              placeholder="Search by name, email or postcode"
              initial={newFor.client ? { value: newFor.client.id, label: newFor.client.name } : null}
              search={searchClients}
              emptyText="No client matches. Add the client first."
              error={errors.clientId}
            />
          ) : null}
          <Input name="title" label="Title" required defaultValue={initial?.title ?? ""} error={errors.title} placeholder="e.g. Consumer unit replacement" />
          <Input name="supplyDate" type="date" label="Date of supply" optional defaultValue={initial?.supplyDate ?? ""} hint="When the work was done, if not the issue date. VAT rates follow it." error={errors.supplyDate} />
          <Textarea name="notes" label="Notes for the client" optional rows={2} defaultValue={initial?.notes ?? ""} error={errors.notes} containerClassName="md:col-span-2" />
        </div>
      </Card>
      <Card title="Lines">
        <ol className="flex flex-col gap-4">
          {lines.map((l, i) => (
            <li key={l.key} className="grid gap-3 rounded-md border border-neutral-200 p-3 sm:grid-cols-2 lg:grid-cols-[8rem_1fr_5rem_8rem_6rem_11rem_auto] lg:items-end">
              <Select label="Kind" value={l.kind} onChange={(e) => set(l.key, { kind: e.target.value as LineForm["kind"] })} options={KINDS} />
              <Input label="Description" value={l.description} onChange={(e) => set(l.key, { description: e.target.value })} error={errors[`lines.${i}.description`]} />
              <Input label="Qty" inputMode="decimal" value={l.quantity} onChange={(e) => set(l.key, { quantity: e.target.value })} error={errors[`lines.${i}.quantityMilli`]} />
              <Input label="Unit price (excl. VAT)" leading="£" inputMode="decimal" value={l.unit} onChange={(e) => set(l.key, { unit: e.target.value })} error={errors[`lines.${i}.unitPricePence`]} />
              <Input label="Discount %" inputMode="decimal" placeholder="0" value={l.discount} onChange={(e) => set(l.key, { discount: e.target.value })} error={errors[`lines.${i}.discountBps`]} />
              <Select label="VAT" value={l.vat} onChange={(e) => set(l.key, { vat: e.target.value })} options={VAT} />
              <IconButton icon="trash" label={`Remove line ${i + 1}`} variant="ghost" onClick={() => setLines((ls) => (ls.length > 1 ? ls.filter((x) => x.key !== l.key) : ls))} disabled={lines.length === 1} />
            </li>
          ))}
        </ol>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <Button type="button" variant="secondary" iconStart="plus" onClick={() => setLines((ls) => [...ls, blank()])}>
            Add line
          </Button>
          <dl className="grid grid-cols-[auto_auto] gap-x-4 gap-y-1 text-sm text-neutral-700" aria-live="polite" data-testid="editor-totals">
            {preview.discountPence ? (
              <>
                <dt>Discounts</dt>
                <dd className="text-right tabular-nums">−{formatMoney(preview.discountPence)}</dd>
              </>
            ) : null}
            <dt>Net</dt>
            <dd className="text-right tabular-nums">{formatMoney(preview.netPence)}</dd>
            <dt>VAT</dt>
            <dd className="text-right tabular-nums">{formatMoney(preview.vatPence)}</dd>
            <dt className="font-medium text-neutral-900">Total</dt>
            <dd className="text-right font-medium tabular-nums text-neutral-900">{formatMoney(preview.grossPence)}</dd>
          </dl>
        </div>
        <p className="mt-2 text-xs text-neutral-600">
          Reverse charge and CIS depend on the client and are worked out when saved; energy-saving materials are shown at 0% until the supply date fixes the rate.
        </p>
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
