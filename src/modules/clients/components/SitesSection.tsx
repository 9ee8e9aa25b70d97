"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/ui/client-api";
import { Button, Card, ConfirmDialog, Dialog, EmptyState, Icon, Input, StatusBadge, Textarea, useToast } from "@/ui";
import { createSiteInput, updateSiteInput, type SiteView } from "../clients.schema";
import { fieldErrors, formValues } from "./form-errors";
import { FormError } from "./FormError";

export const mapLink = (postcode: string) => `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(postcode)}`;

function SiteDialog({ clientId, site, onClose }: { clientId: string; site: SiteView | null; onClose: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const router = useRouter();
  const toast = useToast();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    const values = formValues(e.currentTarget);
    const parsed = (site ? updateSiteInput : createSiteInput).safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setFormError(null);
    setSaving(true);
    const res = site
      ? await callApi<SiteView>("PATCH", `/api/admin/clients/${clientId}/sites/${site.id}`, values)
      : await callApi<SiteView>("POST", `/api/admin/clients/${clientId}/sites`, values);
    setSaving(false);
    if (!res.ok) {
      setErrors(res.fields);
      setFormError(Object.keys(res.fields).length ? null : res.message);
      return;
    }
    toast.success(site ? "Site saved" : `Site at ${res.data.postcode} added`);
    onClose();
    router.refresh();
  }

  return (
    <Dialog open onClose={onClose} dismissible={!saving} title={site ? "Edit site" : "Add site"} size="lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 pb-2">
        <FormError message={formError} />
        <Input name="label" label="Label" optional hint="e.g. Home, Flat 2, Head office" defaultValue={site?.label ?? ""} error={errors.label} autoComplete="off" data-autofocus="" />
        <div className="grid gap-4 sm:grid-cols-2">
          <Input name="addressLine1" label="Address line 1" defaultValue={site?.addressLine1 ?? ""} error={errors.addressLine1} autoComplete="off" />
          <Input name="addressLine2" label="Address line 2" optional defaultValue={site?.addressLine2 ?? ""} error={errors.addressLine2} autoComplete="off" />
          <Input name="town" label="Town or city" defaultValue={site?.town ?? ""} error={errors.town} autoComplete="off" />
          <Input name="postcode" label="Postcode" defaultValue={site?.postcode ?? ""} error={errors.postcode} autoComplete="off" className="uppercase" />
        </div>
        <Textarea name="accessNotes" label="Access notes" optional hint="Key safes, parking, pets, who lets you in" rows={3} defaultValue={site?.accessNotes ?? ""} error={errors.accessNotes} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} loadingText="Saving…">
            {site ? "Save site" : "Add site"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function SitesSection({ clientId, sites, canManage }: { clientId: string; sites: SiteView[]; canManage: boolean }) {
  const [editing, setEditing] = useState<SiteView | "new" | null>(null);
  const [archiving, setArchiving] = useState<SiteView | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const router = useRouter();
  const toast = useToast();
  const archivedCount = sites.filter((s) => s.archivedAt).length;
  const shown = showArchived ? sites : sites.filter((s) => !s.archivedAt);

  return (
    <Card
      title="Sites"
      padding="none"
      actions={
        canManage ? (
          <Button size="sm" variant="secondary" iconStart="plus" onClick={() => setEditing("new")}>
            Add site
          </Button>
        ) : undefined
      }
      footer={
        archivedCount > 0 ? (
          <button type="button" className="text-sm font-medium text-brand-700 hover:underline" onClick={() => setShowArchived((v) => !v)}>
            {showArchived ? "Hide archived sites" : `Show ${archivedCount} archived ${archivedCount === 1 ? "site" : "sites"}`}
          </button>
        ) : undefined
      }
    >
      {shown.length === 0 ? (
        <EmptyState icon="mapPin" title="No sites yet" text="Add the addresses you work at, with access notes for the engineers." headingLevel={3} className="py-8" />
      ) : (
        <ul className="divide-y divide-neutral-100">
          {shown.map((s) => (
            <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm sm:px-5">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium break-words text-neutral-900">
                  {s.label ?? s.addressLine1}
                  {s.archivedAt ? <StatusBadge status="void" label="Archived" /> : null}
                </p>
                <address className="break-words text-neutral-700 not-italic">
                  {[s.label ? s.addressLine1 : null, s.addressLine2, s.town].filter(Boolean).join(", ")} <span className="font-medium whitespace-nowrap">{s.postcode}</span>
                </address>
                {s.accessNotes ? <p className="mt-1 break-words whitespace-pre-line text-neutral-600">Access: {s.accessNotes}</p> : null}
                <a
                  href={mapLink(s.postcode)}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="mt-1 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
                >
                  <Icon name="mapPin" size={14} />
                  Map of {s.postcode}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              </div>
              {canManage && !s.archivedAt ? (
                <div className="flex gap-1">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(s)} aria-label={`Edit site ${s.label ?? s.addressLine1}`}>
                    Edit
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setArchiving(s)} aria-label={`Archive site ${s.label ?? s.addressLine1}`}>
                    Archive
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editing ? <SiteDialog clientId={clientId} site={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={archiving !== null}
        onCancel={() => setArchiving(null)}
        title="Archive this site?"
        description={archiving ? `${archiving.addressLine1}, ${archiving.postcode} is hidden from new quotes and jobs. Its history stays.` : undefined}
        confirmLabel="Archive site"
        onConfirm={async () => {
          if (!archiving) return;
          const res = await callApi("POST", `/api/admin/clients/${clientId}/sites/${archiving.id}/archive`);
          setArchiving(null);
          if (!res.ok) toast.error("Couldn't archive the site", res.message);
          else {
            toast.success("Site archived");
            router.refresh();
          }
        }}
      />
    </Card>
  );
}
