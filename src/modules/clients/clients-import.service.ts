/** CSV import of clients: preview (per-row results) and import (valid rows, one transaction). */
import { audit } from "@/server/audit/audit.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { validationFailed } from "@/server/errors/errors.ts";
import { CsvError } from "./csv.ts";
import { markDuplicates, readImport, validateRow } from "./clients.import.ts";
import { findClientEmails, insertContact, insertSite } from "./clients.repo.ts";
import { CSV_MAX_BYTES, CSV_MAX_ROWS, type ImportCsvInput, type ImportPreview, type ImportResult } from "./clients.schema.ts";
import { createClientInTx, refreshSearchText } from "./clients.service.ts";

function parse(csv: string) {
  if (Buffer.byteLength(csv, "utf8") > CSV_MAX_BYTES) throw validationFailed("The file is larger than 2 MB.", { csv: "Split it into files of up to 2 MB" });
  let parsed;
  try {
    parsed = readImport(csv);
  } catch (err) {
    if (err instanceof CsvError) throw validationFailed("The CSV can't be read.", { csv: err.message });
    throw err;
  }
  if (!parsed.columns.some((c) => c.field === "name")) {
    throw validationFailed("The CSV has no name column.", { csv: "The first line must name the columns, including one called Name" });
  }
  if (parsed.rows.length === 0) throw validationFailed("The CSV has no rows to import.", { csv: "Add one client per line under the header" });
  if (parsed.rows.length > CSV_MAX_ROWS) {
    throw validationFailed(`The CSV has ${parsed.rows.length.toLocaleString("en-GB")} rows.`, { csv: `Import at most ${CSV_MAX_ROWS.toLocaleString("en-GB")} rows at a time` });
  }
  return parsed;
}

async function evaluate(db: TenantDb | TenantTx, csv: string) {
  const parsed = parse(csv);
  const rows = parsed.rows.map((r) => validateRow(r.row, r.values));
  const emails = [...new Set(rows.map((r) => r.client?.email).filter((e): e is string => !!e))];
  const existing = await findClientEmails(db, emails);
  return { columns: parsed.columns, rows: markDuplicates(rows, existing) };
}

function countsOf(rows: ImportPreview["rows"]) {
  const valid = rows.filter((r) => r.ok).length;
  const duplicates = rows.filter((r) => r.duplicate).length;
  return { total: rows.length, valid, duplicates, invalid: rows.length - valid - duplicates };
}

export async function previewImport(ctx: TenantContext, input: ImportCsvInput): Promise<ImportPreview> {
  assertCan(ctx, "clients.manage");
  const { columns, rows } = await evaluate(ctx.db, input.csv);
  return { columns, rows, counts: countsOf(rows) };
}

/** Creates every valid row in one transaction (all or none of them); the rest are reported. */
export async function importClients(ctx: TenantContext, input: ImportCsvInput): Promise<ImportResult> {
  assertCan(ctx, "clients.manage");
  return ctx.db.$transaction(
    async (tx) => {
      const { rows } = await evaluate(tx, input.csv);
      const created: string[] = [];
      for (const r of rows) {
        if (!r.ok || !r.client) continue;
        const c = r.client;
        const client = await createClientInTx(tx, ctx, { kind: c.kind, name: c.name, email: c.email, phone: c.phone, tags: c.tags }, { source: "csv-import", row: r.row });
        if (c.site) await insertSite(tx, ctx.companyId, client.id, c.site);
        if (c.contact) await insertContact(tx, ctx.companyId, client.id, { ...c.contact, receivesQuotes: true, receivesInvoices: true });
        await refreshSearchText(tx, client.id);
        created.push(client.id);
      }
      const counts = countsOf(rows);
      await audit(tx, ctx, {
        entityType: "ClientImport",
        action: "clients.imported",
        after: { imported: created.length, invalid: counts.invalid, duplicates: counts.duplicates },
        metadata: { rows: counts.total },
      });
      return { imported: created.length, invalid: counts.invalid, duplicates: counts.duplicates, rows };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
