"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Card, Input, Select, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { companySettingsInput, type CompanyView } from "../company.schema.ts";

type Errors = Record<string, string>;

const VAT_OPTIONS = [
  { value: "2000", label: "20% (standard)" },
  { value: "500", label: "5% (reduced)" },
  { value: "0", label: "0% (zero-rated)" },
];

const TIME_ZONE_OPTIONS = ["Europe/London", "Europe/Dublin", "Europe/Isle_of_Man", "Europe/Jersey", "Europe/Guernsey", "UTC"].map((tz) => ({
  value: tz,
  label: tz.replace("_", " "),
}));

export function CompanySettingsForm({ company, canEdit }: { company: CompanyView; canEdit: boolean }) {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  const router = useRouter();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const values = Object.fromEntries(new FormData(event.currentTarget).entries());
    const parsed = companySettingsInput.safeParse(values);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0] ?? "_")] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setSaving(true);
    const res = await callApi("PATCH", "/api/admin/company", values);
    setSaving(false);
    if (res.ok) {
      toast.show({ title: "Company settings saved", tone: "success" });
      router.refresh();
      return;
    }
    setErrors(res.fields);
    setFormError(res.message);
  }

  const text = (name: keyof CompanyView, label: string, extra: Record<string, unknown> = {}) => (
    <Input
      name={name}
      label={label}
      defaultValue={(company[name] as string | null) ?? ""}
      error={errors[name]}
      disabled={!canEdit}
      {...extra}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-describedby={formError ? "company-form-error" : undefined}>
      {formError ? (
        <p id="company-form-error" role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {formError}
        </p>
      ) : null}
      <Card title="Business details" description="Shown on quotes, invoices and certificates.">
        <div className="grid gap-4 sm:grid-cols-2">
          {text("name", "Trading name", { required: true })}
          {text("legalName", "Registered name", { optional: true })}
          {text("companyNumber", "Company number", { optional: true })}
          {text("vatNumber", "VAT number", { optional: true, hint: "Printed on VAT invoices, e.g. GB123456789" })}
          {text("email", "Email", { optional: true, type: "email", autoComplete: "email" })}
          {text("phone", "Phone", { optional: true, type: "tel", autoComplete: "tel" })}
          {text("addressLine1", "Address line 1", { optional: true, autoComplete: "address-line1" })}
          {text("addressLine2", "Address line 2", { optional: true, autoComplete: "address-line2" })}
          {text("town", "Town or city", { optional: true, autoComplete: "address-level2" })}
          {text("postcode", "Postcode", { optional: true, autoComplete: "postal-code" })}
        </div>
      </Card>
      <Card title="Bank details for invoices" description="Printed on invoices and the client's invoice page so clients can pay by bank transfer. Fill in all three, or leave them empty.">
        <div className="grid gap-4 sm:grid-cols-3">
          {text("bankAccountName", "Account name", { optional: true })}
          {text("bankSortCode", "Sort code", { optional: true, inputMode: "numeric", hint: "e.g. 12-34-56" })}
          {text("bankAccountNumber", "Account number", { optional: true, inputMode: "numeric", hint: "8 digits" })}
        </div>
      </Card>
      <Card title="Money and time" description="Defaults for new quotes and invoices.">
        <div className="grid gap-4 sm:grid-cols-3">
          <Select name="defaultVatRateBps" label="Default VAT rate" options={VAT_OPTIONS} defaultValue={String(company.defaultVatRateBps)} error={errors.defaultVatRateBps} disabled={!canEdit} />
          <Input name="paymentTermsDays" label="Payment terms" type="number" inputMode="numeric" min={0} max={120} trailing="days" defaultValue={company.paymentTermsDays} error={errors.paymentTermsDays} disabled={!canEdit} />
          <Select name="timeZone" label="Time zone" options={TIME_ZONE_OPTIONS} defaultValue={company.timeZone} error={errors.timeZone} disabled={!canEdit} />
        </div>
      </Card>
      <Card title="Document numbering" description="Prefixes for new numbers, e.g. INV-00108. Existing numbers don't change.">
        <div className="grid gap-4 sm:grid-cols-5">
          {text("quotePrefix", "Quotes")}
          {text("jobPrefix", "Jobs")}
          {text("invoicePrefix", "Invoices")}
          {text("creditNotePrefix", "Credit notes")}
          {text("certificatePrefix", "Certificates")}
        </div>
      </Card>
      <Card title="Branding" description="Your colours on client pages and PDFs.">
        <div className="grid gap-4 sm:grid-cols-2">
          {text("brandPrimaryColor", "Primary colour", { hint: "Hex, e.g. #1d4ed8" })}
          {text("brandAccentColor", "Accent colour", { hint: "Hex, e.g. #0f766e" })}
        </div>
      </Card>
      <Card title="Sign-in security" description="Rules for everyone who signs in to this company.">
        <input type="hidden" name="mfaRequiredForStaff" value="false" />
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            name="mfaRequiredForStaff"
            value="true"
            defaultChecked={company.mfaRequiredForStaff}
            disabled={!canEdit}
            aria-describedby="mfa-required-hint"
            className="mt-0.5 size-4 accent-brand-700"
          />
          <span>
            <span className="block font-medium text-neutral-900">Require MFA for admins and office staff</span>
            <span id="mfa-required-hint" className="block text-neutral-600">
              Admins and office staff without two-factor authentication are asked to set it up before they can do anything else, you included.
            </span>
          </span>
        </label>
      </Card>
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="submit" loading={saving} loadingText="Saving…">
            Save changes
          </Button>
        </div>
      ) : (
        <p className="text-sm text-neutral-600">Only an admin can change these settings.</p>
      )}
    </form>
  );
}
