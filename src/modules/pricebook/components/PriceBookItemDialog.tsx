"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Dialog, Input, Select, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { formToInput, itemToForm, type PriceBookFormValues } from "../pricebook.form.ts";
import { createPriceBookItemInput, updatePriceBookItemInput, type PriceBookItemView } from "../pricebook.schema.ts";

export const KIND_OPTIONS = [
  { value: "LABOUR", label: "Labour" },
  { value: "MATERIALS", label: "Materials" },
  { value: "FIXED", label: "Fixed price" },
];
export const VAT_OPTIONS = [
  { value: "2000", label: "20%" },
  { value: "500", label: "5%" },
  { value: "0", label: "0%" },
  { value: "exempt", label: "Exempt" },
];

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[String(issue.path[0] ?? "_")] ??= issue.message;
  return out;
}

/** Add or edit a price book item: pounds and percent in the form, pence and basis points to the API. */
export function PriceBookItemDialog({ item, defaultVat, onClose }: { item: PriceBookItemView | null; defaultVat: number | null; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const [values, setValues] = useState<PriceBookFormValues>(() =>
    item ? itemToForm(item) : { kind: "MATERIALS", description: "", unit: "", unitPrice: "", markup: "0", vat: defaultVat === null ? "exempt" : String(defaultVat) },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<PriceBookFormValues>) => setValues((v) => ({ ...v, ...patch }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const parsed = (item ? updatePriceBookItemInput : createPriceBookItemInput).safeParse(formToInput(values));
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    setFormError(null);
    setSaving(true);
    const res = item
      ? await callApi<PriceBookItemView>("PATCH", `/api/admin/price-book/${item.id}`, parsed.data)
      : await callApi<PriceBookItemView>("POST", "/api/admin/price-book", parsed.data);
    setSaving(false);
    if (!res.ok) {
      setErrors(res.fields);
      setFormError(Object.keys(res.fields).length ? null : res.message);
      return;
    }
    toast.success(item ? "Price book item saved" : `Added “${res.data.description}” to the price book`);
    onClose();
    router.refresh();
  }

  return (
    <Dialog open onClose={onClose} dismissible={!saving} title={item ? "Edit price book item" : "Add price book item"} size="lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 pb-2">
        {formError ? (
          <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
            {formError}
          </p>
        ) : null}
        <Input label="Description" value={values.description} onChange={(e) => set({ description: e.target.value })} error={errors.description} data-autofocus="" hint="As it appears on the quote" />
        <div className="grid gap-4 sm:grid-cols-2">
          <Select label="Type" value={values.kind} onChange={(e) => set({ kind: e.target.value })} options={KIND_OPTIONS} error={errors.kind} />
          <Input label="Unit" optional value={values.unit} onChange={(e) => set({ unit: e.target.value })} error={errors.unit} hint="e.g. each, hour, metre" />
          <Input label="Unit price" leading="£" inputMode="decimal" value={values.unitPrice} onChange={(e) => set({ unitPrice: e.target.value })} error={errors.unitPricePence} hint="Your cost, before markup and VAT" />
          <Input label="Markup" trailing="%" inputMode="decimal" value={values.markup} onChange={(e) => set({ markup: e.target.value })} error={errors.markupBps} hint="Internal: the client sees the selling price only" />
          <Select label="VAT" value={values.vat} onChange={(e) => set({ vat: e.target.value })} options={VAT_OPTIONS} error={errors.vatRateBps} />
        </div>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} loadingText="Saving…">
            {item ? "Save item" : "Add item"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
