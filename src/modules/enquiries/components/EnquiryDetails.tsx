"use client";

import { useState } from "react";
import { Button, Card, Money } from "@/ui";
import type { EnquiryView } from "../enquiries.schema";
import { EnquiryForm } from "./EnquiryForm";

/** Read view of the details with an Edit button that swaps in the form. */
export function EnquiryDetails({ enquiry }: { enquiry: EnquiryView }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <EnquiryForm mode="edit" enquiry={enquiry} onDone={() => setEditing(false)} />;
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="text-sm text-neutral-600 sm:w-36 sm:shrink-0">{label}</dt>
      <dd className="min-w-0 text-sm break-words text-neutral-900">{value}</dd>
    </div>
  );
  return (
    <Card
      title="Details"
      actions={
        <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
          Edit
        </Button>
      }
    >
      <dl className="flex flex-col gap-3">
        {row("Email", enquiry.email ? <a className="text-brand-700 underline" href={`mailto:${enquiry.email}`}>{enquiry.email}</a> : "—")}
        {row("Phone", enquiry.phone ? <a className="text-brand-700 underline" href={`tel:${enquiry.phone.replace(/[^\d+]/g, "")}`}>{enquiry.phone}</a> : "—")}
        {row("Address", [enquiry.addressLine1, enquiry.town, enquiry.postcode].filter(Boolean).join(", ") || "—")}
        {row("Estimated value", enquiry.valuePence !== null ? <Money pence={enquiry.valuePence} /> : "—")}
        {row("Source", enquiry.source === "PUBLIC_FORM" ? "Website enquiry form" : "Added by hand")}
        {row("Description", <span className="whitespace-pre-wrap">{enquiry.description}</span>)}
      </dl>
    </Card>
  );
}
