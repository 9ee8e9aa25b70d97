/**
 * CSV export, safe to open in a spreadsheet. RFC 4180 quoting, CRLF line ends, and protection
 * against formula injection (OWASP "CSV injection"): a text cell starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is prefixed with a single quote, so Excel, LibreOffice and Google
 * Sheets show it as text instead of running it. Numbers stay numbers (a negative amount is
 * written as a number, not neutralised). Pure: shared by every export (reports, timesheets …).
 */
export type CsvCell = string | number | boolean | null | undefined | Date;

const DANGEROUS_START = /^[=+\-@\t\r]/;

/** Neutralises a text value that a spreadsheet would treat as a formula. */
export function neutraliseFormula(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** One cell: numbers as they are (finite only), dates as ISO, text neutralised then quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = neutraliseFormula(value instanceof Date ? value.toISOString() : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(",");
}

/** A whole document: header row then data rows, CRLF line ends, trailing CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [csvRow(header), ...rows.map(csvRow)].join("\r\n") + "\r\n";
}

/** A download response: UTF-8 with a BOM (Excel reads the £ sign right), attachment file name. */
export function csvResponse(fileName: string, csv: string): Response {
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(`\uFEFF${csv}`, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${safeName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
