import { describe, expect, it } from "vitest";
import { assignRows, displayRange, instantAt, plannerWindow, segmentsOf, stepDate } from "@/modules/schedule/planner-view.ts";
import { splitNumber } from "@/modules/schedule/components/planner-model.ts";

const tz = "Europe/London";

describe("planner geometry", () => {
  it("windows: a day, a Monday-to-Sunday week, six weeks around a month; local midnights in UTC across DST", () => {
    const day = plannerWindow("day", { year: 2026, month: 7, day: 1 }, tz);
    expect([day.from.toISOString(), day.to.toISOString()]).toEqual(["2026-06-30T23:00:00.000Z", "2026-07-01T23:00:00.000Z"]);
    const week = plannerWindow("week", { year: 2026, month: 3, day: 26 }, tz); // week of the spring change
    expect(week.days.map((d) => d.day)).toEqual([23, 24, 25, 26, 27, 28, 29]);
    expect([week.from.toISOString(), week.to.toISOString()]).toEqual(["2026-03-23T00:00:00.000Z", "2026-03-29T23:00:00.000Z"]);
    const month = plannerWindow("month", { year: 2026, month: 11, day: 18 }, tz);
    expect(month.days).toHaveLength(42);
    expect(month.days[0]).toEqual({ year: 2026, month: 10, day: 26 });
    expect(stepDate("month", { year: 2026, month: 12, day: 18 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(stepDate("week", { year: 2026, month: 11, day: 23 }, -1)).toEqual({ year: 2026, month: 11, day: 16 });
  });

  it("splits a visit into per-day segments in local minutes", () => {
    const days = ["2026-07-01", "2026-07-02", "2026-07-03"];
    // 22:00 BST on the 1st to 10:00 BST on the 2nd.
    expect(segmentsOf(new Date("2026-07-01T21:00:00Z"), new Date("2026-07-02T09:00:00Z"), days, tz)).toEqual([
      { dayIndex: 0, startMinute: 1320, endMinute: 1440, first: true, last: false },
      { dayIndex: 1, startMinute: 0, endMinute: 600, first: false, last: true },
    ]);
    expect(segmentsOf(new Date("2026-07-05T09:00:00Z"), new Date("2026-07-05T10:00:00Z"), days, tz)).toEqual([]);
    expect(instantAt("2026-07-02", 9 * 60 + 7, tz).toISOString()).toBe("2026-07-02T08:00:00.000Z");
  });

  it("spans working hours with an hour either side, widened to show every visit; stacks overlaps in rows", () => {
    expect(displayRange({ workdayStartMinute: 480, workdayEndMinute: 1050 }, [])).toEqual({ start: 420, end: 1140 });
    expect(displayRange({ workdayStartMinute: 480, workdayEndMinute: 1050 }, [{ startMinute: 300, endMinute: 1300 }])).toEqual({ start: 300, end: 1320 });
    const rows = assignRows([
      { id: "a", startMinute: 540, endMinute: 660 },
      { id: "b", startMinute: 600, endMinute: 720 },
      { id: "c", startMinute: 660, endMinute: 700 },
    ]);
    expect(rows.map((r) => [r.item.id, r.row])).toEqual([["a", 0], ["b", 1], ["c", 0]]);
  });
});

describe("splitNumber (narrow planner blocks drop the prefix first)", () => {
  it("splits at the last dash, and keeps a number without one whole", () => {
    expect(splitNumber("JOB-00021")).toEqual(["JOB-", "00021"]);
    expect(splitNumber("SR-JOB-7")).toEqual(["SR-JOB-", "7"]);
    expect(splitNumber("00021")).toEqual(["", "00021"]);
  });
});
