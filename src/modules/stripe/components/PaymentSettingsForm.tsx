"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Card, Input, Select, useToast } from "@/ui";
import { VAT_STAGGERS, VAT_STAGGER_LABELS } from "@/modules/reports/reports-math.ts";
import { callApi } from "@/ui/client-api";
import { paymentSettingsInput, type PaymentSettingsView } from "../payment-settings.schema.ts";

type Errors = Record<string, string>;

const pence = (pounds: FormDataEntryValue | null) => {
  const text = String(pounds ?? "").trim().replace(/^£/, "").replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return text === "" ? "" : "x";
  return String(Math.round(Number(text) * 100));
};
const bps = (percent: FormDataEntryValue | null) => {
  const text = String(percent ?? "").trim().replace(/%$/, "");
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return text === "" ? "" : "x";
  return String(Math.round(Number(text) * 100));
};
const poundsText = (p: number) => (p / 100).toFixed(2);
const percentText = (b: number) => String(b / 100);

/** Form values (pounds, percent, "7, 14, 21") → the API's input (pence, bps, days). */
export function paymentFormToInput(form: FormData) {
  return {
    allowPartPayments: form.get("allowPartPayments") === "true",
    reminderCadenceDays: String(form.get("reminderCadenceDays") ?? ""),
    lateInterestEnabled: form.get("lateInterestEnabled") === "true",
    lateInterestBaseRateBps: bps(form.get("lateInterestBaseRate")),
    lateInterestMarginBps: bps(form.get("lateInterestMargin")),
    lateFeeSmallPence: pence(form.get("lateFeeSmall")),
    lateFeeMediumPence: pence(form.get("lateFeeMedium")),
    lateFeeLargePence: pence(form.get("lateFeeLarge")),
    vatAccountingBasis: String(form.get("vatAccountingBasis") ?? ""),
    vatStagger: String(form.get("vatStagger") ?? ""),
  };
}

const FIELD_FOR: Record<string, string> = {
  lateInterestBaseRateBps: "lateInterestBaseRate",
  lateInterestMarginBps: "lateInterestMargin",
  lateFeeSmallPence: "lateFeeSmall",
  lateFeeMediumPence: "lateFeeMedium",
  lateFeeLargePence: "lateFeeLarge",
};

function Toggle({ name, label, hint, defaultChecked, disabled }: { name: string; label: string; hint: string; defaultChecked: boolean; disabled: boolean }) {
  return (
    <label className="flex items-start gap-3 text-sm">
      <input type="checkbox" name={name} value="true" defaultChecked={defaultChecked} disabled={disabled} aria-describedby={`${name}-hint`} className="mt-0.5 size-4 accent-brand-700" />
      <span>
        <span className="block font-medium text-neutral-900">{label}</span>
        <span id={`${name}-hint`} className="block text-neutral-600">
          {hint}
        </span>
      </span>
    </label>
  );
}

export function PaymentSettingsForm({ settings, canEdit }: { settings: PaymentSettingsView; canEdit: boolean }) {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  const router = useRouter();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const values = paymentFormToInput(new FormData(event.currentTarget));
    const parsed = paymentSettingsInput.safeParse(values);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "_");
        next[FIELD_FOR[key] ?? key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setSaving(true);
    const res = await callApi("PATCH", "/api/admin/settings/payments", parsed.data);
    setSaving(false);
    if (res.ok) {
      toast.show({ title: "Payment settings saved", tone: "success" });
      router.refresh();
      return;
    }
    setErrors(Object.fromEntries(Object.entries(res.fields).map(([k, v]) => [FIELD_FOR[k] ?? k, v])));
    setFormError(res.message);
  }

  const disabled = !canEdit;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-describedby={formError ? "payments-form-error" : undefined}>
      {formError ? (
        <p id="payments-form-error" role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {formError}
        </p>
      ) : null}
      <Card title="Paying by card" description="What clients can do on an invoice's payment page.">
        <Toggle
          name="allowPartPayments"
          label="Let clients pay part of an invoice by card"
          hint="They choose an amount up to the balance; the rest stays due and reminders continue."
          defaultChecked={settings.allowPartPayments}
          disabled={disabled}
        />
      </Card>
      <Card title="Overdue reminders" description="Emailed to the client's invoice contacts after the due date, one per stage, stopped the moment the invoice is paid.">
        <Input
          name="reminderCadenceDays"
          label="Days after the due date"
          hint="Separate the days with commas, e.g. 7, 14, 21."
          defaultValue={settings.reminderCadenceDays.join(", ")}
          error={errors.reminderCadenceDays}
          disabled={disabled}
          inputMode="numeric"
        />
      </Card>
      <Card title="Late payment (business clients only)" description="Statutory interest and fixed compensation under the Late Payment of Commercial Debts Act, added to reminders for business clients. Never for householders.">
        <div className="flex flex-col gap-4">
          <Toggle
            name="lateInterestEnabled"
            label="Add statutory interest and compensation to business clients' reminders"
            hint="Simple interest, daily, at the Bank of England base rate plus the margin, from the due date."
            defaultChecked={settings.lateInterestEnabled}
            disabled={disabled}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Input name="lateInterestBaseRate" label="Bank of England base rate" hint="The rate on 31 Dec (for Jan-Jun) or 30 Jun (for Jul-Dec)." trailing="%" inputMode="decimal" defaultValue={percentText(settings.lateInterestBaseRateBps)} error={errors.lateInterestBaseRate} disabled={disabled} />
            <Input name="lateInterestMargin" label="Margin above base" hint="8% by statute." trailing="%" inputMode="decimal" defaultValue={percentText(settings.lateInterestMarginBps)} error={errors.lateInterestMargin} disabled={disabled} />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <Input name="lateFeeSmall" label="Compensation, debt under £1,000" leading="£" inputMode="decimal" defaultValue={poundsText(settings.lateFeeSmallPence)} error={errors.lateFeeSmall} disabled={disabled} />
            <Input name="lateFeeMedium" label="Debt under £10,000" leading="£" inputMode="decimal" defaultValue={poundsText(settings.lateFeeMediumPence)} error={errors.lateFeeMedium} disabled={disabled} />
            <Input name="lateFeeLarge" label="Debt of £10,000 or more" leading="£" inputMode="decimal" defaultValue={poundsText(settings.lateFeeLargePence)} error={errors.lateFeeLarge} disabled={disabled} />
          </div>
        </div>
      </Card>
      <Card title="VAT accounting" description="How the VAT summary report counts each quarter, and which months your quarters end in.">
        <div className="flex flex-col gap-4">
          <Select
            name="vatAccountingBasis"
            label="VAT accounting scheme"
            options={[
              { value: "ACCRUAL", label: "Accrual (standard): VAT by invoice date" },
              { value: "CASH", label: "Cash accounting: VAT when paid" },
            ]}
            defaultValue={settings.vatAccountingBasis}
            error={errors.vatAccountingBasis}
            disabled={disabled}
          />
          <Select
            name="vatStagger"
            label="VAT quarters"
            hint="As on your VAT registration certificate or in your HMRC VAT account (the stagger)."
            options={VAT_STAGGERS.map((s) => ({ value: String(s), label: VAT_STAGGER_LABELS[s] }))}
            defaultValue={String(settings.vatStagger)}
            error={errors.vatStagger}
            disabled={disabled}
          />
        </div>
      </Card>
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="submit" loading={saving} loadingText="Saving…">
            Save payment settings
          </Button>
        </div>
      ) : (
        <p className="text-sm text-neutral-600">Only an admin can change these settings.</p>
      )}
    </form>
  );
}
