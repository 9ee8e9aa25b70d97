import { describe, expect, it } from "vitest";
import { mergeTimeline, type TimelineEntry } from "@/modules/clients/client-timeline.ts";

const item = (id: string, at: string, source = "test"): TimelineEntry => ({ kind: "item", id, at, source, actor: null, title: id });

describe("mergeTimeline", () => {
  it("interleaves the sources newest first, whatever order they come in", () => {
    const quotes = [item("q1", "2026-11-01T10:00:00.000Z"), item("q2", "2026-11-03T10:00:00.000Z")];
    const emails = [item("e1", "2026-11-02T10:00:00.000Z"), item("e2", "2026-10-01T09:00:00+01:00")];
    expect(mergeTimeline([quotes, emails]).map((e) => e.id)).toEqual(["q2", "e1", "q1", "e2"]);
  });

  it("orders entries at the same moment by id (stable), keeps one per id, and stops at the limit", () => {
    const at = "2026-11-01T10:00:00.000Z";
    const merged = mergeTimeline([[item("a", at), item("c", at)], [item("b", at), item("a", at)]], 2);
    expect(merged.map((e) => e.id)).toEqual(["c", "b"]);
    expect(mergeTimeline([[item("a", at)], [item("a", at)]])).toHaveLength(1);
  });
});
