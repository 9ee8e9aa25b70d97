"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/ui/client-api";
import { Button, Card, ConfirmDialog, Dialog, EmptyState, Input, useToast } from "@/ui";
import { createContactInput, updateContactInput, type ContactView } from "../clients.schema";
import { fieldErrors, formValues } from "./form-errors";
import { FormError } from "./FormError";

function ContactDialog({ clientId, contact, onClose }: { clientId: string; contact: ContactView | null; onClose: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const router = useRouter();
  const toast = useToast();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    const values = formValues(e.currentTarget);
    const parsed = (contact ? updateContactInput : createContactInput).safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setFormError(null);
    setSaving(true);
    const res = contact
      ? await callApi<ContactView>("PATCH", `/api/admin/clients/${clientId}/contacts/${contact.id}`, values)
      : await callApi<ContactView>("POST", `/api/admin/clients/${clientId}/contacts`, values);
    setSaving(false);
    if (!res.ok) {
      setErrors(res.fields);
      setFormError(Object.keys(res.fields).length ? null : res.message);
      return;
    }
    toast.success(contact ? "Contact saved" : `${res.data.name} added`);
    onClose();
    router.refresh();
  }

  const check = (name: "receivesQuotes" | "receivesInvoices", label: string) => (
    <label className="flex items-center gap-2 text-sm text-neutral-800">
      <input type="hidden" name={name} value="false" />
      <input type="checkbox" name={name} value="true" defaultChecked={contact ? contact[name] : true} className="size-4 accent-brand-700" />
      {label}
    </label>
  );

  return (
    <Dialog open onClose={onClose} dismissible={!saving} title={contact ? `Edit ${contact.name}` : "Add contact"}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 pb-2">
        <FormError message={formError} />
        <Input name="name" label="Name" defaultValue={contact?.name ?? ""} error={errors.name} autoComplete="off" data-autofocus="" />
        <Input name="role" label="Role" optional hint="e.g. Tenant, Site manager, Accounts" defaultValue={contact?.role ?? ""} error={errors.role} autoComplete="off" />
        <div className="grid gap-4 sm:grid-cols-2">
          <Input name="email" label="Email" type="email" optional defaultValue={contact?.email ?? ""} error={errors.email} autoComplete="off" />
          <Input name="phone" label="Phone" type="tel" optional defaultValue={contact?.phone ?? ""} error={errors.phone} autoComplete="off" />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-neutral-800">Sends</legend>
          {check("receivesQuotes", "Receives quotes")}
          {check("receivesInvoices", "Receives invoices")}
        </fieldset>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} loadingText="Saving…">
            {contact ? "Save contact" : "Add contact"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function ContactsSection({ clientId, contacts, canManage }: { clientId: string; contacts: ContactView[]; canManage: boolean }) {
  const [editing, setEditing] = useState<ContactView | "new" | null>(null);
  const [removing, setRemoving] = useState<ContactView | null>(null);
  const router = useRouter();
  const toast = useToast();

  return (
    <Card
      title="Contacts"
      padding="none"
      actions={
        canManage ? (
          <Button size="sm" variant="secondary" iconStart="plus" onClick={() => setEditing("new")}>
            Add contact
          </Button>
        ) : undefined
      }
    >
      {contacts.length === 0 ? (
        <EmptyState icon="users" title="No contacts yet" text="Add the people you deal with: who gets quotes and who pays the invoices." headingLevel={3} className="py-8" />
      ) : (
        <ul className="divide-y divide-neutral-100">
          {contacts.map((c) => (
            <li key={c.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm sm:px-5">
              <div className="min-w-0">
                <p className="font-medium break-words text-neutral-900">
                  {c.name}
                  {c.role ? <span className="font-normal text-neutral-600"> · {c.role}</span> : null}
                </p>
                <p className="break-all text-neutral-700">
                  {c.email ? <a className="hover:underline" href={`mailto:${c.email}`}>{c.email}</a> : null}
                  {c.email && c.phone ? " · " : null}
                  {c.phone ? <a className="hover:underline" href={`tel:${c.phone.replace(/\s+/g, "")}`}>{c.phone}</a> : null}
                </p>
                <p className="text-xs text-neutral-600">
                  {[c.receivesQuotes ? "Quotes" : null, c.receivesInvoices ? "Invoices" : null].filter(Boolean).join(" and ") || "No documents"}
                </p>
              </div>
              {canManage ? (
                <div className="flex gap-1">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(c)} aria-label={`Edit contact ${c.name}`}>
                    Edit
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setRemoving(c)} aria-label={`Remove contact ${c.name}`}>
                    Remove
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editing ? <ContactDialog clientId={clientId} contact={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={removing !== null}
        onCancel={() => setRemoving(null)}
        title={removing ? `Remove ${removing.name}?` : "Remove contact?"}
        description="They stop receiving quotes and invoices for this client."
        confirmLabel="Remove contact"
        onConfirm={async () => {
          if (!removing) return;
          const res = await callApi("POST", `/api/admin/clients/${clientId}/contacts/${removing.id}/delete`);
          setRemoving(null);
          if (!res.ok) toast.error("Couldn't remove the contact", res.message);
          else {
            toast.success("Contact removed");
            router.refresh();
          }
        }}
      />
    </Card>
  );
}
