import { describe, expect, it } from "vitest";
import {
  JOB_STATUSES,
  canTransition,
  completionRefusal,
  openItemsMessage,
  openRequiredItems,
  statusActions,
  transitionRefusal,
  type JobStatus,
} from "@/modules/jobs/job-status.ts";

const ALLOWED: [JobStatus, JobStatus][] = [
  ["SCHEDULED", "IN_PROGRESS"],
  ["SCHEDULED", "CANCELLED"],
  ["IN_PROGRESS", "ON_HOLD"],
  ["IN_PROGRESS", "COMPLETED"],
  ["IN_PROGRESS", "CANCELLED"],
  ["ON_HOLD", "IN_PROGRESS"],
  ["ON_HOLD", "CANCELLED"],
  ["COMPLETED", "INVOICED"],
];

describe("job state machine", () => {
  it("allows exactly the documented moves", () => {
    for (const from of JOB_STATUSES) {
      for (const to of JOB_STATUSES) {
        const expected = ALLOWED.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("explains refusals and asks for a reason for hold and cancel", () => {
    expect(transitionRefusal("SCHEDULED", "INVOICED")).toMatch(/can't become invoiced; it can become in progress or cancelled/);
    expect(transitionRefusal("CANCELLED", "IN_PROGRESS")).toMatch(/can't change status/);
    expect(transitionRefusal("IN_PROGRESS", "IN_PROGRESS")).toMatch(/already in progress/);
    expect(transitionRefusal("IN_PROGRESS", "ON_HOLD")).toMatch(/reason/);
    expect(transitionRefusal("IN_PROGRESS", "ON_HOLD", "  ")).toMatch(/reason/);
    expect(transitionRefusal("IN_PROGRESS", "ON_HOLD", "Parts")).toBeNull();
    expect(transitionRefusal("SCHEDULED", "CANCELLED")).toMatch(/reason/);
    expect(transitionRefusal("SCHEDULED", "IN_PROGRESS")).toBeNull();
  });

  it("offers buttons for every move but completion, which has its own form", () => {
    expect(statusActions("IN_PROGRESS")).toEqual(["ON_HOLD", "CANCELLED"]);
    expect(statusActions("COMPLETED")).toEqual(["INVOICED"]);
    expect(statusActions("INVOICED")).toEqual([]);
  });

  it("completes from scheduled or in progress only", () => {
    expect(completionRefusal("SCHEDULED")).toBeNull();
    expect(completionRefusal("IN_PROGRESS")).toBeNull();
    expect(completionRefusal("ON_HOLD")).toMatch(/on hold/);
    expect(completionRefusal("COMPLETED")).toMatch(/already completed/);
    expect(completionRefusal("CANCELLED")).toMatch(/already cancelled/);
  });
});

describe("checklist gate", () => {
  const lists = [
    { title: "EICR pre-checks", items: [{ label: "Isolate", required: true, completedAt: null }, { label: "Photos", required: false, completedAt: null }] },
    { title: "CU change", items: [{ label: "RCD test", required: true, completedAt: new Date() }, { label: "Label board", required: true, completedAt: null }] },
  ];
  it("lists the required items still open, with their checklist", () => {
    expect(openRequiredItems(lists)).toEqual([
      { checklist: "EICR pre-checks", label: "Isolate" },
      { checklist: "CU change", label: "Label board" },
    ]);
    expect(openRequiredItems([])).toEqual([]);
  });
  it("names them in the message, capped at ten", () => {
    expect(openItemsMessage(openRequiredItems(lists))).toBe(
      'The job can\'t be completed while required checklist items are open: "Isolate" (EICR pre-checks), "Label board" (CU change).',
    );
    const many = Array.from({ length: 12 }, (_, i) => ({ checklist: "C", label: `Item ${i + 1}` }));
    const msg = openItemsMessage(many);
    expect(msg).toContain('"Item 10" (C)');
    expect(msg).not.toContain('"Item 11"');
    expect(msg).toContain("and 2 more");
  });
});
