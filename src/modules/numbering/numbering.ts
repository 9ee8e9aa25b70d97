/**
 * Document numbers: "<prefix>-<zero-padded value>", e.g. Q-00042, INV-00007. Pure formatting and
 * parsing; allocating the next value (per company, gap-free, under concurrency) is the repo's job.
 * A value wider than the padding simply gets more digits (Q-123456): a number is never truncated.
 */
import { z } from "zod";
import { AppError } from "@/server/errors/errors.ts";

export const DEFAULT_NUMBER_WIDTH = 5;
const MAX_WIDTH = 12;

/** Letters and digits, optionally in parts joined by "-" or "/" (e.g. "Q", "INV", "ACME-Q"); may end with its separator ("Q-", as company settings store it). */
export const documentPrefixSchema = z
  .string()
  .min(1, "Required")
  .max(20, "Use at most 20 characters")
  .regex(/^[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*[-/]?$/, 'Use letters and digits, optionally joined by "-" or "/"');

export class NumberingError extends AppError {
  constructor(message: string, field: string) {
    super("VALIDATION_FAILED", message, { fields: { [field]: message } });
    this.name = "NumberingError";
  }
}

export function formatDocumentNumber(prefix: string, value: number, width: number = DEFAULT_NUMBER_WIDTH): string {
  const p = documentPrefixSchema.safeParse(prefix);
  if (!p.success) throw new NumberingError(`Invalid number prefix "${prefix}": ${p.error.issues[0]!.message}`, "prefix");
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new NumberingError(`A document number must be a whole number from 1, got ${value}`, "value");
  }
  if (!Number.isInteger(width) || width < 1 || width > MAX_WIDTH) {
    throw new NumberingError(`The number width must be a whole number from 1 to ${MAX_WIDTH}, got ${width}`, "width");
  }
  const separator = /[-/]$/.test(prefix) ? "" : "-";
  return `${prefix}${separator}${String(value).padStart(width, "0")}`;
}

export type ParsedDocumentNumber = { prefix: string; value: number };

/**
 * "Q-00042" → { prefix: "Q", value: 42 }. Lenient about what people type: surrounding spaces and
 * missing padding ("Q-42") are fine. With `expectedPrefix`, the prefix must match (ignoring case)
 * and is returned as expected. Returns null for anything that isn't a document number.
 */
export function parseDocumentNumber(text: string, expectedPrefix?: string): ParsedDocumentNumber | null {
  const m = /^(.+)-(\d{1,16})$/.exec(text.trim());
  if (!m) return null;
  const prefix = m[1]!;
  const value = Number(m[2]);
  if (!documentPrefixSchema.safeParse(prefix).success) return null;
  if (!Number.isSafeInteger(value) || value < 1) return null;
  if (expectedPrefix !== undefined) {
    if (prefix.toLowerCase() !== expectedPrefix.replace(/[-/]$/, "").toLowerCase()) return null;
    return { prefix: expectedPrefix, value };
  }
  return { prefix, value };
}
