"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { searchClients } from "@/modules/clients/components/client-search";
import { Button, Input, Select, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { SearchPicker } from "@/ui/SearchPicker";
import { createJobInput } from "../jobs.schema";

type Site = { id: string; label: string | null; addressLine1: string; postcode: string; archivedAt: string | null };

/** New job for a client and one of its sites (the same zod schema as the API). */
export function JobForm({ initialClient }: { initialClient?: { id: string; name: string } | null }) {
  const router = useRouter();
  const toast = useToast();
  const [clientId, setClientId] = useState(initialClient?.id ?? "");
  const [sites, setSites] = useState<Site[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!clientId) return;
    let live = true;
    void callApi<{ items: Site[] }>("GET", `/api/admin/clients/${clientId}/sites`).then((res) => {
      if (live) setSites(res.ok ? res.data.items.filter((s) => !s.archivedAt) : []);
    });
    return () => {
      live = false;
    };
  }, [clientId]);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    const data = Object.fromEntries(new FormData(e.currentTarget).entries());
    const parsed = createJobInput.safeParse({
      clientId: data.clientId || undefined,
      siteId: data.siteId || null,
      title: data.title,
      scope: data.scope,
      estimatedMinutes: data.estimatedHours ? Math.round(Number(data.estimatedHours) * 60) : null,
    });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) out[String(issue.path[0] === "estimatedMinutes" ? "estimatedHours" : issue.path[0])] ??= issue.message;
      setErrors(out);
      return;
    }
    setErrors({});
    setFormError(null);
    setSaving(true);
    const res = await callApi<{ id: string; number: string }>("POST", "/api/admin/jobs", parsed.data);
    setSaving(false);
    if (!res.ok) {
      setErrors(res.fields);
      setFormError(res.message);
      return;
    }
    toast.success(`Job ${res.data.number} created`);
    router.push(`/admin/jobs/${res.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? (
        <p role="alert" className="rounded-md bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {formError}
        </p>
      ) : null}
      <SearchPicker
        name="clientId"
        label="Client"
        required
        placeholder="Search by name, email or postcode"
        initial={initialClient ? { value: initialClient.id, label: initialClient.name } : null}
        search={searchClients}
        onChange={(option) => {
          setSites([]);
          setClientId(option?.value ?? "");
        }}
        emptyText="No client matches. Add the client first."
        error={errors.clientId}
      />
      <Select
        name="siteId"
        label="Site"
        optional
        disabled={!clientId || sites.length === 0}
        placeholder={clientId && sites.length === 0 ? "This client has no sites" : "No site"}
        options={sites.map((s) => ({ value: s.id, label: `${s.label ? `${s.label}: ` : ""}${s.addressLine1}, ${s.postcode}` }))}
        error={errors.siteId}
      />
      <Input name="title" label="Title" required placeholder="e.g. Replace consumer unit" error={errors.title} />
      <Textarea name="scope" label="Scope of work" optional rows={5} error={errors.scope} />
      <Input name="estimatedHours" label="Estimated hours" optional type="number" min={0} step={0.25} inputMode="decimal" error={errors.estimatedHours} containerClassName="sm:w-48" />
      <div className="flex justify-end gap-2">
        <Button href="/admin/jobs" variant="ghost">
          Cancel
        </Button>
        <Button type="submit" loading={saving} loadingText="Creating…">
          Create job
        </Button>
      </div>
    </form>
  );
}
