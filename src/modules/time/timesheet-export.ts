/**
 * Payroll export rows and the XLSX workbook (pure apart from exceljs): one row per time entry,
 * times in the company's time zone; text cells that a spreadsheet would run as a formula are
 * neutralised exactly like the shared CSV helper does, numbers stay numbers.
 */
import ExcelJS from "exceljs";
import { neutraliseFormula, type CsvCell } from "@/server/csv/csv.ts";
import { formatTime } from "@/ui/format.ts";
import type { EntryRow } from "./time.repo.ts";
import { minutesToHours, workedMinutes } from "./time-week.ts";

export const EXPORT_HEADER = ["Engineer", "Week starting", "Timesheet status", "Date", "Start", "End", "Break (min)", "Worked (h)", "Job", "Job title", "Source", "Notes"] as const;

/** The export rows (pure given the data): one per entry, times in the company's time zone. */
export function exportRows(entries: EntryRow[], statusOf: (engineerId: string) => string, weekStart: string, tz: string): CsvCell[][] {
  const dateFmt = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" });
  return entries.map((e) => [
    e.engineer.user.name,
    weekStart,
    statusOf(e.engineerId),
    dateFmt.format(e.startedAt),
    formatTime(e.startedAt, tz),
    e.endedAt ? formatTime(e.endedAt, tz) : "",
    e.breakMinutes,
    minutesToHours(workedMinutes(e)),
    e.job?.number ?? "",
    e.job?.title ?? "",
    e.source === "CLOCK" ? "Clock" : "Manual",
    e.notes ?? "",
  ]);
}

/** An XLSX workbook of the same rows; text cells neutralised exactly like the CSV. */
export async function toXlsx(header: readonly string[], rows: CsvCell[][], sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Quantract";
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows) {
    ws.addRow(r.map((c) => (typeof c === "number" ? c : c === null || c === undefined ? "" : typeof c === "boolean" ? String(c) : neutraliseFormula(c instanceof Date ? c.toISOString() : c))));
  }
  ws.columns.forEach((col) => {
    col.width = 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
