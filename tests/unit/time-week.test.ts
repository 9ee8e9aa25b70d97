import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { dbDate, fromDbDate, minutesToHours, parseWeekStart, shiftWeek, weekDays, weekStartOf, weekWindow, workedMinutes } from "@/modules/time/time-week.ts";
import { EXPORT_HEADER, toXlsx } from "@/modules/time/timesheet-export.ts";
import { toCsv } from "@/server/csv/csv.ts";

describe("timesheet weeks", () => {
  it("starts on Monday in the company's time zone, not in UTC", () => {
    // Sunday 23:30 UTC in summer is Monday 00:30 in London: the new week.
    expect(weekStartOf(new Date("2026-06-07T23:30:00Z"), "Europe/London")).toBe("2026-06-08");
    expect(weekStartOf(new Date("2026-06-07T23:30:00Z"), "UTC")).toBe("2026-06-01");
    // Monday 00:30 in Auckland is still Sunday in UTC.
    expect(weekStartOf(new Date("2026-11-22T11:30:00Z"), "Pacific/Auckland")).toBe("2026-11-23");
    expect(weekStartOf(new Date("2026-11-25T12:00:00Z"), "Europe/London")).toBe("2026-11-23");
    expect(weekStartOf(new Date("2026-11-29T23:59:00Z"), "Europe/London")).toBe("2026-11-23");
    expect(weekStartOf(new Date("2026-11-30T00:00:00Z"), "Europe/London")).toBe("2026-11-30");
  });

  it("covers local midnight to local midnight, 167 and 169 hours across the clock changes", () => {
    const winter = weekWindow("2026-11-23", "Europe/London");
    expect(winter.from.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(winter.to.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    const spring = weekWindow("2026-03-23", "Europe/London"); // clocks go forward Sun 29 March
    expect((spring.to.getTime() - spring.from.getTime()) / 3600_000).toBe(167);
    const autumn = weekWindow("2026-10-19", "Europe/London"); // clocks go back Sun 25 October
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3600_000).toBe(169);
    const summer = weekWindow("2026-06-08", "Europe/London");
    expect(summer.from.toISOString()).toBe("2026-06-07T23:00:00.000Z");
  });

  it("accepts only real Mondays", () => {
    expect(parseWeekStart("2026-11-23")).toBe("2026-11-23");
    expect(parseWeekStart("2026-11-24")).toBeNull();
    expect(parseWeekStart("2026-02-30")).toBeNull();
    expect(parseWeekStart("23/11/2026")).toBeNull();
  });

  it("lists days, shifts weeks, and maps to the date column", () => {
    expect(weekDays("2026-12-28")).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"]);
    expect(shiftWeek("2026-12-28", 1)).toBe("2027-01-04");
    expect(shiftWeek("2026-01-05", -1)).toBe("2025-12-29");
    expect(fromDbDate(dbDate("2026-11-23"))).toBe("2026-11-23");
  });

  it("computes worked minutes and hours", () => {
    const start = new Date("2026-11-23T08:00:00Z");
    expect(workedMinutes({ startedAt: start, endedAt: new Date("2026-11-23T16:30:00Z"), breakMinutes: 30 })).toBe(480);
    expect(workedMinutes({ startedAt: start, endedAt: null, breakMinutes: 0 }, new Date("2026-11-23T09:00:00Z"))).toBe(60);
    expect(workedMinutes({ startedAt: start, endedAt: new Date("2026-11-23T08:10:00Z"), breakMinutes: 30 })).toBe(0);
    expect(minutesToHours(450)).toBe(7.5);
    expect(minutesToHours(20)).toBe(0.33);
  });
});

describe("payroll export injection protection", () => {
  const rows = [
    ["=HYPERLINK(\"http://evil\",\"x\")", "2026-11-23", "APPROVED", "2026-11-23", "08:00", "16:00", 30, 7.5, "JOB-00001", "+SUM(A1:A9)", "Manual", "@cmd"],
    ["-2+3", "2026-11-23", "APPROVED", "2026-11-24", "08:00", "12:00", 0, -1, "", "\tTabbed", "Clock", "\rReturn"],
  ];

  it("neutralises formula-like text in CSV and keeps numbers numeric", () => {
    const csv = toCsv(EXPORT_HEADER, rows);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("Engineer,Week starting,Timesheet status,Date,Start,End,Break (min),Worked (h),Job,Job title,Source,Notes");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil"",""x"")",2026-11-23,APPROVED,2026-11-23,08:00,16:00,30,7.5,JOB-00001,'+SUM(A1:A9),Manual,'@cmd`);
    expect(lines[2]).toContain("'-2+3,");
    expect(lines[2]).toContain(",-1,");
    expect(lines[2]).toContain("'\tTabbed");
    expect(csv).toContain(`"'\rReturn"`);
  });

  it("neutralises the same cells in XLSX, where numbers stay numbers and nothing is a formula", async () => {
    const buf = await toXlsx(EXPORT_HEADER, rows, "Week 2026-11-23");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Week 2026-11-23");
    expect(ws.getRow(1).getCell(1).value).toBe("Engineer");
    expect(ws.getRow(2).getCell(1).value).toBe("'=HYPERLINK(\"http://evil\",\"x\")");
    expect(ws.getRow(2).getCell(10).value).toBe("'+SUM(A1:A9)");
    expect(ws.getRow(2).getCell(12).value).toBe("'@cmd");
    expect(ws.getRow(2).getCell(8).value).toBe(7.5);
    expect(ws.getRow(3).getCell(1).value).toBe("'-2+3");
    expect(ws.getRow(3).getCell(8).value).toBe(-1);
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});
