"use client";

import Link from "next/link";
import { useState, type ChangeEvent } from "react";
import { callApi } from "@/ui/client-api";
import { Button, Card, DataTable, StatusBadge, Textarea, useToast } from "@/ui";
import { CLIENT_KIND_LABELS, CSV_MAX_BYTES, importCsvInput, type ImportPreview, type ImportResult, type ImportRowResult } from "../clients.schema";
import { FormError } from "./FormError";

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  kind: "Type",
  email: "Email",
  phone: "Phone",
  tags: "Tags",
  siteLabel: "Site label",
  addressLine1: "Address line 1",
  addressLine2: "Address line 2",
  town: "Town",
  postcode: "Postcode",
  accessNotes: "Access notes",
  contactName: "Contact name",
  contactEmail: "Contact email",
  contactPhone: "Contact phone",
};

const EXAMPLE =
  "name,kind,email,phone,tags,site label,address line 1,address line 2,town,postcode,access notes,contact name,contact email,contact phone\n" +
  'Mary Hughes,person,mary@example.com,0161 496 0001,domestic;repeat,Home,12 Oak Road,,Manchester,M4 6BF,"Key safe 1234, side gate",,,';

function RowErrors({ row }: { row: ImportRowResult }) {
  const entries = Object.entries(row.errors);
  if (entries.length === 0) return <span className="text-neutral-600">Ready</span>;
  return (
    <ul className="flex flex-col gap-0.5 text-danger-700">
      {entries.map(([field, message]) => (
        <li key={field}>
          <span className="font-medium">{FIELD_LABELS[field] ?? field}:</span> {message}
        </li>
      ))}
    </ul>
  );
}

/** Paste or choose a CSV → preview with per-row errors → import the valid rows → summary. */
export function ImportClients() {
  const [csv, setCsv] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const toast = useToast();

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > CSV_MAX_BYTES) {
      setError("That file is larger than 2 MB. Split it into smaller files.");
      return;
    }
    setCsv(await file.text());
    setPreview(null);
    setResult(null);
    setError(null);
  }

  async function runPreview() {
    if (busy) return;
    const parsed = importCsvInput.safeParse({ csv });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Paste the CSV or choose a .csv file");
      return;
    }
    setError(null);
    setResult(null);
    setBusy("preview");
    const res = await callApi<ImportPreview>("POST", "/api/admin/clients/import/preview", parsed.data);
    setBusy(null);
    if (!res.ok) {
      setPreview(null);
      setError(res.fields.csv ? `${res.message} ${res.fields.csv}.` : res.message);
      return;
    }
    setPreview(res.data);
  }

  async function runImport() {
    if (busy || !preview) return;
    setBusy("import");
    const res = await callApi<ImportResult>("POST", "/api/admin/clients/import", { csv });
    setBusy(null);
    if (!res.ok) {
      setError(res.fields.csv ? `${res.message} ${res.fields.csv}.` : res.message);
      return;
    }
    setResult(res.data);
    setPreview(null);
    toast.success(`Imported ${res.data.imported} ${res.data.imported === 1 ? "client" : "clients"}`);
  }

  if (result) {
    const skipped = result.invalid + result.duplicates;
    return (
      <Card title="Import finished">
        <div className="flex flex-col gap-4 text-sm" role="status">
          <p className="text-base font-medium text-neutral-900">
            {result.imported} {result.imported === 1 ? "client" : "clients"} imported.
          </p>
          {skipped > 0 ? (
            <p className="text-neutral-700">
              {result.invalid > 0 ? `${result.invalid} ${result.invalid === 1 ? "row had" : "rows had"} errors` : null}
              {result.invalid > 0 && result.duplicates > 0 ? " and " : null}
              {result.duplicates > 0 ? `${result.duplicates} ${result.duplicates === 1 ? "row was a duplicate" : "rows were duplicates"}` : null}: not imported. Fix them in your file and import those rows again.
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button href="/admin/clients">Go to clients</Button>
            <Button
              variant="secondary"
              onClick={() => {
                setResult(null);
                setCsv("");
              }}
            >
              Import another file
            </Button>
          </div>
        </div>
      </Card>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <Card title="1. Your CSV" description="One client per line, with a header line naming the columns. Up to 5,000 rows and 2 MB.">
        <div className="flex flex-col gap-4">
          <FormError message={error} />
          <div className="flex flex-col gap-1.5">
            <label htmlFor="csv-file" className="text-sm font-medium text-neutral-800">
              Choose a .csv file
            </label>
            <input
              id="csv-file"
              type="file"
              accept=".csv,text/csv"
              onChange={onFile}
              className="block w-full text-sm text-neutral-700 file:mr-3 file:rounded-md file:border file:border-neutral-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-neutral-800 hover:file:bg-neutral-50"
            />
          </div>
          <Textarea
            label="…or paste it here"
            name="csv"
            rows={8}
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setPreview(null);
            }}
            className="font-mono text-xs"
            spellCheck={false}
            hint={
              <>
                Columns: name, kind (person or organisation), email, phone, tags (separated by ;), site label, address line 1, address line 2, town, postcode, access notes, contact
                name, contact email, contact phone. Only name is required.
              </>
            }
          />
          <details className="text-sm">
            <summary className="cursor-pointer font-medium text-neutral-800">Example</summary>
            <pre className="mt-2 overflow-x-auto rounded bg-neutral-50 p-3 text-xs">{EXAMPLE}</pre>
          </details>
          <div>
            <Button onClick={runPreview} loading={busy === "preview"} loadingText="Checking…" disabled={busy !== null}>
              Check the file
            </Button>
          </div>
        </div>
      </Card>

      {preview ? (
        <Card
          title="2. Check the rows"
          description={`${preview.counts.valid} ready to import · ${preview.counts.invalid} with errors · ${preview.counts.duplicates} duplicates. Rows with errors or duplicates are skipped.`}
          padding="none"
          actions={
            <Button onClick={runImport} loading={busy === "import"} loadingText="Importing…" disabled={preview.counts.valid === 0 || busy !== null}>
              Import {preview.counts.valid} {preview.counts.valid === 1 ? "client" : "clients"}
            </Button>
          }
        >
          {preview.columns.some((c) => !c.field) ? (
            <p className="border-b border-neutral-200 px-4 py-2 text-sm text-neutral-600 sm:px-5">
              Ignored columns: {preview.columns.filter((c) => !c.field).map((c) => c.header || "(blank)").join(", ")}
            </p>
          ) : null}
          <DataTable
            caption="Rows in the file"
            rows={preview.rows}
            rowKey={(r) => String(r.row)}
            rowClassName={(r) => (r.ok ? undefined : "bg-danger-50/40")}
            columns={[
              { key: "row", header: "Line", numeric: true, width: "4rem", cell: (r) => r.row },
              {
                key: "status",
                header: "Status",
                cell: (r) => <StatusBadge status={r.ok ? "accepted" : r.duplicate ? "on hold" : "failed"} label={r.ok ? "Ready" : r.duplicate ? "Duplicate" : "Error"} />,
              },
              { key: "name", header: "Name", maxWidth: "16rem", cell: (r) => r.client?.name ?? (r.name || "—") },
              { key: "kind", header: "Type", hideBelow: "lg", cell: (r) => (r.client ? CLIENT_KIND_LABELS[r.client.kind] : "—") },
              { key: "email", header: "Email", hideBelow: "md", maxWidth: "14rem", cell: (r) => r.client?.email ?? "—" },
              { key: "site", header: "Site", hideBelow: "lg", maxWidth: "14rem", cell: (r) => (r.client?.site ? `${r.client.site.addressLine1}, ${r.client.site.postcode}` : "—") },
              { key: "problems", header: "Problems", wrap: true, cell: (r) => <RowErrors row={r} /> },
            ]}
          />
        </Card>
      ) : null}
      <p className="text-sm text-neutral-600">
        Changed your mind? <Link href="/admin/clients" className="font-medium text-brand-700 hover:underline">Back to clients</Link>
      </p>
    </div>
  );
}
