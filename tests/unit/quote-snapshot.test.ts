import { describe, expect, it } from "vitest";
import { canonicalJson, snapshotHash } from "@/modules/quotes/quote-snapshot.ts";

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order, writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
    expect(canonicalJson({})).toBe("{}");
    expect(canonicalJson([])).toBe("[]");
  });

  it("is independent of the order keys were added in", () => {
    const a = { quote: { number: "Q-00042", version: 2 }, lines: [{ id: "l1", net: 6825 }], total: 8190 };
    const b = { total: 8190, lines: [{ net: 6825, id: "l1" }], quote: { version: 2, number: "Q-00042" } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(snapshotHash(a)).toBe(snapshotHash(b));
  });

  it("sorts keys by UTF-16 code units", () => {
    expect(canonicalJson({ aa: 1, a: 2, B: 3, é: 4, z: 5, "10": 6, "9": 7 })).toBe(
      '{"10":6,"9":7,"B":3,"a":2,"aa":1,"z":5,"é":4}',
    );
  });

  it("writes primitives as JSON does", () => {
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson(true)).toBe("true");
    expect(canonicalJson(-0)).toBe("0");
    expect(canonicalJson(1e21)).toBe("1e+21");
    expect(canonicalJson(0.1)).toBe("0.1");
    expect(canonicalJson('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(canonicalJson({ at: new Date("2026-05-01T10:00:00Z") })).toBe('{"at":"2026-05-01T10:00:00.000Z"}');
  });

  it("omits undefined properties but refuses what JSON can't represent", () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson([1, undefined])).toThrow(/\$\[1\]/);
    expect(() => canonicalJson([1, , 2])).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/\$\.n/);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ m: new Map([["a", 1]]) })).toThrow(/Map/);
    expect(() => canonicalJson({ s: new Set([1]) })).toThrow(/Set/);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/refers back/);
    // the same object twice is not a cycle
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { b: 2, a: 1 }))).toBe('{"a":1,"b":2}');
  });
});

describe("snapshotHash", () => {
  it("is the SHA-256 hex of the canonical JSON in UTF-8", () => {
    // sha256('{"a":1}')
    expect(snapshotHash({ a: 1 })).toBe("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
    // sha256('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}')
    expect(snapshotHash({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } })).toBe(
      "16e087361bff74c7fa7f7910fb9b56dedab630d1a3706fea9acb0a4477f69785",
    );
    // sha256('{"name":"Zoë"}'), ë as two UTF-8 bytes
    expect(snapshotHash({ name: "Zoë" })).toBe("6bd0ee7972d372ec1f8a3cc44302e5449751305d73c2b69b5a79c62f88a4ca77");
  });

  it("changes with any change to content, including array order", () => {
    const base = { lines: [{ id: "a", net: 100 }, { id: "b", net: 200 }], gross: 360 };
    const h = snapshotHash(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotHash({ ...base, gross: 361 })).not.toBe(h);
    expect(snapshotHash({ ...base, lines: [...base.lines].reverse() })).not.toBe(h);
    expect(snapshotHash({ ...base, gross: "360" })).not.toBe(h);
    expect(snapshotHash(structuredClone(base))).toBe(h);
  });
});
