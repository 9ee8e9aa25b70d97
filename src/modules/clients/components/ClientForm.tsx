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
