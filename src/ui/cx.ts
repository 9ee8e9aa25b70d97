/** Joins class names, skipping anything that isn't a non-empty string (false, null, undefined, 0…). */
export function cx(...parts: unknown[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p.length > 0).join(" ");
}
