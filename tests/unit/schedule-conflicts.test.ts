import { describe, expect, it } from "vitest";
import { detectConflicts, workingHoursWarnings, type ConflictInput } from "@/modules/schedule/schedule-conflicts.ts";
import { addDays, localParts, parseClock, parseLocalDate, startOfWeek, zonedTime } from "@/modules/schedule/schedule-time.ts";

const london = { timeZone: "Europe/London", workdayStartMinute: 8 * 60, workdayEndMinute: 17 * 60 + 30, workingDays: [1, 2, 3, 4, 5] };
const at = (iso: string) => new Date(iso);

function input(startsAt: string, endsAt: string, over: Partial<ConflictInput> = {}): ConflictInput {
  return {
    visit: { id: "v1", startsAt: at(startsAt), endsAt: at(endsAt) },
    company: london,
    engineer: { name: "Dan Hughes", role: "ENGINEER", status: "ACTIVE" },
    job: { status: "SCHEDULED" },
    otherVisits: [],
    unavailability: [],
    ...over,
  };
}
const codes = (r: { errors: { code: string }[]; warnings: { code: string }[] }) => ({ errors: r.errors.map((e) => e.code), warnings: r.warnings.map((w) => w.code) });

describe("schedule time helpers", () => {
  it("converts local wall-clock times to instants across the DST changes", () => {
    // Winter (GMT): 08:00 local is 08:00Z; summer (BST): 08:00 local is 07:00Z.
    expect(zonedTime({ year: 2026, month: 3, day: 27 }, 480, "Europe/London").toISOString()).toBe("2026-03-27T08:00:00.000Z");
    expect(zonedTime({ year: 2026, month: 3, day: 30 }, 480, "Europe/London").toISOString()).toBe("2026-03-30T07:00:00.000Z");
    // On the change day itself: midnight is GMT, 08:00 is BST.
    expect(zonedTime({ year: 2026, month: 3, day: 29 }, 0, "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(zonedTime({ year: 2026, month: 3, day: 29 }, 480, "Europe/London").toISOString()).toBe("2026-03-29T07:00:00.000Z");
    // 01:30 does not exist on 29 March: it maps past the gap.
    expect(zonedTime({ year: 2026, month: 3, day: 29 }, 90, "Europe/London").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // Autumn: 25 October 2026 back to GMT at 02:00 BST.
    expect(zonedTime({ year: 2026, month: 10, day: 25 }, 480, "Europe/London").toISOString()).toBe("2026-10-25T08:00:00.000Z");
    expect(zonedTime({ year: 2026, month: 10, day: 24 }, 480, "Europe/London").toISOString()).toBe("2026-10-24T07:00:00.000Z");
    expect(localParts(at("2026-07-01T23:30:00Z"), "Europe/London")).toEqual({ year: 2026, month: 7, day: 2, minute: 30, isoWeekday: 4 });
  });

  it("parses dates and clock times, and finds the Monday of a week", () => {
    expect(parseLocalDate("2026-02-30")).toBeNull();
    expect(parseLocalDate("2026-11-25")).toEqual({ year: 2026, month: 11, day: 25 });
    expect(parseClock("09:30")).toBe(570);
    expect(parseClock("25:00")).toBeNull();
    expect(startOfWeek({ year: 2026, month: 11, day: 29 })).toEqual({ year: 2026, month: 11, day: 23 });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
  });
});

describe("detectConflicts", () => {
  it("passes a visit inside working hours with nothing else booked", () => {
    expect(codes(detectConflicts(input("2026-11-24T09:00:00Z", "2026-11-24T11:00:00Z")))).toEqual({ errors: [], warnings: [] });
  });

  it("hard errors: end not after start, too long, unknown or unbookable engineer, unknown or closed job", () => {
    expect(codes(detectConflicts(input("2026-11-24T11:00:00Z", "2026-11-24T11:00:00Z"))).errors).toEqual(["END_NOT_AFTER_START"]);
    expect(codes(detectConflicts(input("2026-11-24T11:00:00Z", "2026-11-24T10:00:00Z"))).errors).toEqual(["END_NOT_AFTER_START"]);
    expect(codes(detectConflicts(input("2026-11-02T09:00:00Z", "2026-11-12T09:00:00Z"))).errors).toEqual(["TOO_LONG"]);
    expect(codes(detectConflicts(input("2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z", { engineer: null }))).errors).toEqual(["UNKNOWN_ENGINEER"]);
    for (const engineer of [
      { name: "Helen", role: "CLIENT", status: "ACTIVE" },
      { name: "Old hand", role: "ENGINEER", status: "DEACTIVATED" },
    ]) {
      expect(codes(detectConflicts(input("2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z", { engineer }))).errors).toEqual(["ENGINEER_NOT_BOOKABLE"]);
    }
    for (const role of ["ADMIN", "OFFICE", "ENGINEER"]) {
      expect(detectConflicts(input("2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z", { engineer: { name: "X", role, status: "ACTIVE" } })).errors).toEqual([]);
    }
    expect(codes(detectConflicts(input("2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z", { job: null }))).errors).toEqual(["UNKNOWN_JOB"]);
    for (const status of ["CANCELLED", "COMPLETED", "INVOICED"]) {
      expect(codes(detectConflicts(input("2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z", { job: { status } }))).errors).toEqual(["JOB_CLOSED"]);
    }
    for (const status of ["SCHEDULED", "IN_PROGRESS", "ON_HOLD"]) {
      expect(detectConflicts(input("2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z", { job: { status } })).errors).toEqual([]);
    }
  });

  it("warns about overlapping bookings for the engineer, not about adjacent ones or the visit itself", () => {
    const otherVisits = [
      { id: "a", jobNumber: "JOB-00001", startsAt: at("2026-11-24T08:00:00Z"), endsAt: at("2026-11-24T09:00:00Z") }, // ends as ours starts
      { id: "b", jobNumber: "JOB-00002", startsAt: at("2026-11-24T10:30:00Z"), endsAt: at("2026-11-24T12:00:00Z") }, // overlaps
      { id: "v1", jobNumber: "JOB-00003", startsAt: at("2026-11-24T09:00:00Z"), endsAt: at("2026-11-24T11:00:00Z") }, // itself (a move)
      { id: "c", jobNumber: "JOB-00004", startsAt: at("2026-11-24T11:00:00Z"), endsAt: at("2026-11-24T12:00:00Z") }, // starts as ours ends
    ];
    const r = detectConflicts(input("2026-11-24T09:00:00Z", "2026-11-24T11:00:00Z", { otherVisits }));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([{ code: "OVERLAP", relatedId: "b", message: "Dan Hughes is already booked on JOB-00002 (Tue 24/11 10:30–12:00)." }]);
  });

  it("warns when the engineer is on leave or sick during the visit", () => {
    const unavailability = [
      { id: "u1", kind: "LEAVE", startsAt: at("2026-11-23T00:00:00Z"), endsAt: at("2026-11-28T00:00:00Z") },
      { id: "u2", kind: "SICK", startsAt: at("2026-11-20T00:00:00Z"), endsAt: at("2026-11-21T00:00:00Z") },
    ];
    const r = detectConflicts(input("2026-11-24T09:00:00Z", "2026-11-24T11:00:00Z", { unavailability }));
    expect(codes(r).warnings).toEqual(["UNAVAILABLE"]);
    expect(r.warnings[0]!.relatedId).toBe("u1");
    expect(r.warnings[0]!.message).toContain("on leave");
  });

  it("judges working hours in London time on both sides of the spring DST change", () => {
    // Monday 23 March 2026 is GMT: 07:15Z is 07:15 local, before 08:00 → outside.
    expect(codes(detectConflicts(input("2026-03-23T07:15:00Z", "2026-03-23T09:00:00Z"))).warnings).toEqual(["OUTSIDE_HOURS"]);
    // Monday 30 March 2026 is BST: 07:15Z is 08:15 local → inside.
    expect(codes(detectConflicts(input("2026-03-30T07:15:00Z", "2026-03-30T09:00:00Z"))).warnings).toEqual([]);
    // 17:30 local close: 16:30Z is the edge in summer, 17:00Z is past it.
    expect(codes(detectConflicts(input("2026-03-30T15:00:00Z", "2026-03-30T16:30:00Z"))).warnings).toEqual([]);
    expect(codes(detectConflicts(input("2026-03-30T15:00:00Z", "2026-03-30T17:00:00Z"))).warnings).toEqual(["OUTSIDE_HOURS"]);
    // The same UTC times in winter are inside.
    expect(codes(detectConflicts(input("2026-03-23T15:00:00Z", "2026-03-23T17:00:00Z"))).warnings).toEqual([]);
  });

  it("judges working hours across the autumn DST change", () => {
    // Monday 26 October 2026 is GMT again: 07:30Z is 07:30 local → outside; the Friday before (BST) it is 08:30 → inside.
    expect(codes(detectConflicts(input("2026-10-26T07:30:00Z", "2026-10-26T09:00:00Z"))).warnings).toEqual(["OUTSIDE_HOURS"]);
    expect(codes(detectConflicts(input("2026-10-23T07:30:00Z", "2026-10-23T09:00:00Z"))).warnings).toEqual([]);
  });

  it("warns on non-working days in the company's zone, including a late-evening UTC time that is already the next local day", () => {
    // Saturday.
    expect(codes(detectConflicts(input("2026-11-28T09:00:00Z", "2026-11-28T11:00:00Z"))).warnings).toEqual(["NON_WORKING_DAY"]);
    // A company that works Saturdays.
    const sixDays = { ...london, workingDays: [1, 2, 3, 4, 5, 6] };
    expect(workingHoursWarnings(at("2026-11-28T09:00:00Z"), at("2026-11-28T11:00:00Z"), sixDays)).toEqual([]);
    // Friday 23:30Z in July is Saturday 00:30 BST: a non-working day (and out of hours on Friday night too).
    expect(codes(detectConflicts(input("2026-07-03T22:00:00Z", "2026-07-04T00:00:00Z"))).warnings.sort()).toEqual(["NON_WORKING_DAY", "OUTSIDE_HOURS"]);
    // A visit running Friday into Monday touches Saturday and Sunday.
    const long = detectConflicts(input("2026-11-27T09:00:00Z", "2026-11-30T12:00:00Z"));
    expect(long.warnings.find((w) => w.code === "NON_WORKING_DAY")!.message).toBe("Saturday and Sunday are not working days.");
  });

  it("reports every warning together so one override covers them", () => {
    const r = detectConflicts(
      input("2026-11-28T07:00:00Z", "2026-11-28T10:00:00Z", {
        otherVisits: [{ id: "x", jobNumber: "JOB-00009", startsAt: at("2026-11-28T09:00:00Z"), endsAt: at("2026-11-28T12:00:00Z") }],
        unavailability: [{ id: "u", kind: "TRAINING", startsAt: at("2026-11-28T00:00:00Z"), endsAt: at("2026-11-29T00:00:00Z") }],
      }),
    );
    expect(codes(r)).toEqual({ errors: [], warnings: ["OVERLAP", "NON_WORKING_DAY", "UNAVAILABLE"] });
  });
});
