/**
 * Fingerprints of quote versions. A sent version is stored as a snapshot; the agreement records
 * snapshotHash(snapshot) so anyone can later prove which exact version the client accepted.
 *
 * canonicalJson is the deterministic serialisation the hash is taken over: object keys sorted (by
 * UTF-16 code units, as RFC 8785 does), no whitespace, arrays in their own order, numbers and
 * strings exactly as JSON.stringify writes them. So two snapshots with the same content hash the
 * same whatever order their keys were built in, and any change to content changes the hash.
 *
 * Values that JSON can't represent faithfully are refused rather than silently changed: NaN and
 * Infinity, BigInt, functions, symbols, undefined inside arrays, class instances such as Map and
 * Set (which JSON.stringify would turn into {}), and cycles. Undefined object properties are
 * omitted (as JSON.stringify does), so { a: 1, b: undefined } and { a: 1 } hash the same. Objects
 * with toJSON (Date) are serialised through it.
 */
import { createHash } from "node:crypto";

export function canonicalJson(value: unknown): string {
  const out = serialise(value, new Set(), "$");
  if (out === undefined) throw new TypeError("canonicalJson: the value itself is undefined");
  return out;
}

/** SHA-256 (lower-case hex, 64 characters) of the canonical JSON, UTF-8 encoded. */
export function snapshotHash(snapshot: unknown): string {
  return createHash("sha256").update(canonicalJson(snapshot), "utf8").digest("hex");
}

function serialise(value: unknown, ancestors: Set<object>, path: string): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "undefined":
      return undefined;
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON can't represent`);
      return JSON.stringify(value);
    case "bigint":
    case "function":
    case "symbol":
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON can't represent`);
  }
  const obj = value as object;
  if (typeof (obj as { toJSON?: unknown }).toJSON === "function") {
    return serialise((obj as { toJSON: (key: string) => unknown }).toJSON(""), ancestors, path);
  }
  if (ancestors.has(obj)) throw new TypeError(`canonicalJson: ${path} refers back to itself`);
  ancestors.add(obj);
  try {
    if (Array.isArray(obj)) {
      // An index loop, not map(): map skips holes in sparse arrays, which must be refused too.
      const items: string[] = [];
      for (let i = 0; i < obj.length; i++) {
        const s = serialise((obj as unknown[])[i], ancestors, `${path}[${i}]`);
        if (s === undefined) throw new TypeError(`canonicalJson: ${path}[${i}] is undefined`);
        items.push(s);
      }
      return `[${items.join(",")}]`;
    }
    const proto: unknown = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`canonicalJson: ${path} is a ${obj.constructor?.name ?? "non-plain"} object; use plain objects and arrays`);
    }
    const record = obj as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const s = serialise(record[key], ancestors, `${path}.${key}`);
      if (s !== undefined) parts.push(`${JSON.stringify(key)}:${s}`);
    }
    return `{${parts.join(",")}}`;
  } finally {
    ancestors.delete(obj);
  }
}
