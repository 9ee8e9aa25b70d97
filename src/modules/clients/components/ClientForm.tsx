"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/ui/client-api";
import { Button, Input, Select, useToast } from "@/ui";
import { CLIENT_KIND_LABELS, CLIENT_KINDS, createClientInput, updateClientInput, type ClientView } from "../clients.schema";
import { fieldErrors, formValues } from "./form-errors";
import { FormError } from "./FormError";

const KIND_OPTIONS = CLIENT_KINDS.map((k) => ({ value: k, label: CLIENT_KIND_LABELS[k] }));

/** Create (then open the new client) or edit a client; the same zod schema as the API. */
export function ClientForm({ client, onDone, onCancel }: { client?: ClientView; onDone?: () => void; onCancel?: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const router = useRouter();
  const toast = useToast();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    setFormError(null);
    const values = formValues(e.currentTarget);
    const parsed = (client ? updateClientInput : createClientInput).safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSaving(true);
    const res = client
      ? await callApi<ClientView>("PATCH", `/api/admin/clients/${client.id}`, values)
      : await callApi<ClientView>("POST", "/api/admin/clients", values);
    if (!res.ok) {
      setSaving(false);
      setErrors(res.fields);
      setFormError(Object.keys(res.fields).length ? "Some fields need attention." : res.message);
      return;
    }
    if (client) {
      setSaving(false);
      toast.success("Client saved");
      onDone?.();
      router.refresh();
    } else {
      toast.success(`${res.data.name} added`);
      router.push(`/admin/clients/${res.data.id}`);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Select name="kind" label="Type" options={KIND_OPTIONS} defaultValue={client?.kind ?? "PERSON"} error={errors.kind} />
        <Input name="name" label="Name" defaultValue={client?.name ?? ""} error={errors.name} autoComplete="off" data-autofocus="" required />
        <Input name="email" label="Email" type="email" optional defaultValue={client?.email ?? ""} error={errors.email} autoComplete="off" />
        <Input name="phone" label="Phone" type="tel" optional defaultValue={client?.phone ?? ""} error={errors.phone} autoComplete="off" />
        <Input
          name="tags"
          label="Tags"
          optional
          hint="Separate with commas, e.g. landlord, repeat"
          defaultValue={client?.tags.join(", ") ?? ""}
          error={errors.tags}
          autoComplete="off"
        />
        <Input
          name="paymentTermsDays"
          label="Payment terms"
          optional
          hint="Leave blank to use the company's terms"
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          trailing="days"
          defaultValue={client?.paymentTermsDays ?? ""}
          error={errors.paymentTermsDays}
        />
      </div>
      <fieldset className="flex flex-col gap-3 rounded-md border border-neutral-200 p-3">
        <legend className="px-1 text-sm font-medium text-neutral-800">VAT and CIS (business clients)</legend>
        <p className="text-xs text-neutral-600">
          Decides the construction reverse charge and CIS deductions on invoices. Never applies to householders.
        </p>
        <input type="hidden" name="vatRegistered" value="false" />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="vatRegistered" value="true" defaultChecked={client?.vatRegistered ?? false} className="size-4 accent-brand-700" />
          VAT-registered
        </label>
        <Input name="vatNumber" label="Client's VAT number" optional defaultValue={client?.vatNumber ?? ""} error={errors.vatNumber} autoComplete="off" />
        <input type="hidden" name="cisContractor" value="false" />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="cisContractor" value="true" defaultChecked={client?.cisContractor ?? false} className="size-4 accent-brand-700" />
          CIS contractor (deducts CIS from our labour)
        </label>
        <Select
          name="cisRateBps"
          label="CIS deduction rate"
          optional
          placeholder="Not a CIS contractor"
          options={[
            { value: "2000", label: "20% (we are CIS-registered)" },
            { value: "3000", label: "30% (unregistered)" },
            { value: "0", label: "0% (gross payment status)" },
          ]}
          defaultValue={client?.cisRateBps === null || client?.cisRateBps === undefined ? "" : String(client.cisRateBps)}
          error={errors.cisRateBps}
        />
        <input type="hidden" name="reverseChargeEndUser" value="false" />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="reverseChargeEndUser" value="true" defaultChecked={client?.reverseChargeEndUser ?? false} className="size-4 accent-brand-700" />
          Has told us it is an end user or intermediary (no reverse charge)
        </label>
      </fieldset>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        ) : (
          <Button variant="secondary" href="/admin/clients">
            Cancel
          </Button>
        )}
        <Button type="submit" loading={saving} loadingText="Saving…">
          {client ? "Save changes" : "Add client"}
        </Button>
      </div>
    </form>
  );
}
