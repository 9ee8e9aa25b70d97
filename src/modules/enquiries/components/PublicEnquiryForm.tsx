"use client";

import { callApi } from "@/ui/client-api";
import { useState, type FormEvent } from "react";
import { Button, Input, Textarea } from "@/ui";
import { publicEnquiryInput } from "../enquiries.schema";
import { ALERT, fieldErrors } from "./form-errors";

/** The customer-facing enquiry form; `website` is a honeypot that people never see or fill. */
export function PublicEnquiryForm({ slug, companyName }: { slug: string; companyName: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    setFormError(null);
    const values = Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
    const parsed = publicEnquiryInput.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSending(true);
    const res = await callApi("POST", `/api/public/enquiries/${encodeURIComponent(slug)}`, values);
    setSending(false);
    if (res.ok) {
      setSent(parsed.data.name.split(" ")[0] ?? parsed.data.name);
      return;
    }
    if (res.status === 0) {
      setFormError("We couldn't send that. Check your connection and try again.");
      return;
    }
    if (res.status === 429) {
      setFormError("We've had a lot of messages from here just now. Please try again in a few minutes, or give us a call.");
      return;
    }
    setErrors(res.fields);
    setFormError(res.message);
  }

  if (sent) {
    return (
      <div role="status" className="rounded-lg border border-neutral-200 bg-white p-6 text-center shadow-xs">
        <h2 className="text-xl font-semibold text-neutral-900">Thank you, {sent}</h2>
        <p className="mt-2 text-neutral-700">{companyName} has your enquiry and will be in touch soon.</p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 rounded-lg border border-neutral-200 bg-white p-4 shadow-xs sm:p-6">
      {formError ? (
        <p role="alert" className={ALERT}>
          {formError}
        </p>
      ) : null}
      <Input name="name" label="Your name" required autoComplete="name" error={errors.name} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input name="email" label="Email" type="email" autoComplete="email" error={errors.email} hint="An email or a phone number, so we can reply" />
        <Input name="phone" label="Phone" type="tel" autoComplete="tel" error={errors.phone} optional />
      </div>
      <Input name="addressLine1" label="Address" autoComplete="address-line1" error={errors.addressLine1} optional />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input name="town" label="Town or city" autoComplete="address-level2" error={errors.town} optional />
        <Input name="postcode" label="Postcode" autoComplete="postal-code" error={errors.postcode} optional />
      </div>
      <Textarea name="description" label="What do you need doing?" required rows={5} error={errors.description} />
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <Button type="submit" size="lg" fullWidth loading={sending} loadingText="Sending…">
        Send enquiry
      </Button>
    </form>
  );
}
