"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/ui/client-api";
import { Button, Card, Input, Select, Textarea, useToast } from "@/ui";
import { createEnquiryInput, updateEnquiryInput, type EnquiryView, type OwnerOption } from "../enquiries.schema";
import { ALERT, fieldErrors } from "./form-errors";

type Props =
  | { mode: "create"; owners: OwnerOption[]; stages: { id: string; name: string }[]; enquiry?: undefined }
  | { mode: "edit"; enquiry: EnquiryView; owners?: undefined; stages?: undefined; onDone?: () => void };

const pounds = (pence: number | null) => (pence === null ? "" : (pence / 100).toFixed(2).replace(/\.00$/, ""));

/** Create or edit an enquiry; the same zod schema as the API checks the fields before sending. */
export function EnquiryForm(props: Props) {
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const e = props.enquiry;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const values = Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
    const parsed = (props.mode === "create" ? createEnquiryInput : updateEnquiryInput).safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSaving(true);
    const res =
      props.mode === "create"
        ? await callApi<EnquiryView>("POST", "/api/admin/enquiries", values)
        : await callApi<EnquiryView>("PATCH", `/api/admin/enquiries/${props.enquiry.id}`, values);
    if (!res.ok) {
      setSaving(false);
      setErrors(res.fields);
      setFormError(res.message);
      return;
    }
    if (props.mode === "create") {
      toast.success("Enquiry added");
      router.push(`/admin/enquiries/${res.data.id}`);
      return;
    }
    setSaving(false);
    toast.success("Enquiry saved");
    props.onDone?.();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {formError ? (
        <p role="alert" className={ALERT}>
          {formError}
        </p>
      ) : null}
      <Card title="Who and where">
        <div className="grid gap-4 sm:grid-cols-2">
          <Input name="name" label="Name" required defaultValue={e?.name ?? ""} error={errors.name} autoComplete="off" />
          <Input name="email" label="Email" optional type="email" defaultValue={e?.email ?? ""} error={errors.email} autoComplete="off" />
          <Input name="phone" label="Phone" optional type="tel" defaultValue={e?.phone ?? ""} error={errors.phone} autoComplete="off" />
          <Input name="addressLine1" label="Address" optional defaultValue={e?.addressLine1 ?? ""} error={errors.addressLine1} autoComplete="off" />
          <Input name="town" label="Town or city" optional defaultValue={e?.town ?? ""} error={errors.town} autoComplete="off" />
          <Input name="postcode" label="Postcode" optional defaultValue={e?.postcode ?? ""} error={errors.postcode} autoComplete="off" containerClassName="sm:max-w-48" />
        </div>
      </Card>
      <Card title="The work">
        <div className="grid gap-4">
          <Textarea name="description" label="Description" required rows={5} defaultValue={e?.description ?? ""} error={errors.description} />
          <div className="grid gap-4 sm:grid-cols-3">
            <Input
              name="estimatedValue"
              label="Estimated value"
              optional
              aria-description="A rough figure in pounds"
              inputMode="decimal"
              leading="£"
              defaultValue={e ? pounds(e.valuePence) : ""}
              error={errors.estimatedValue}
            />
            {props.mode === "create" ? (
              <>
                <Select name="ownerId" label="Owner" placeholder="Nobody yet" options={props.owners.map((o) => ({ value: o.id, label: o.name }))} error={errors.ownerId} />
                <Select name="stageId" label="Stage" options={props.stages.map((s) => ({ value: s.id, label: s.name }))} error={errors.stageId} />
              </>
            ) : null}
          </div>
        </div>
      </Card>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {props.mode === "edit" && props.onDone ? (
          <Button variant="secondary" onClick={props.onDone} disabled={saving}>
            Cancel
          </Button>
        ) : (
          <Button variant="secondary" href="/admin/enquiries">
            Cancel
          </Button>
        )}
        <Button type="submit" loading={saving} loadingText="Saving…">
          {props.mode === "create" ? "Add enquiry" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
