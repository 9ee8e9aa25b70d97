import type { z } from "zod";

/** First message per field from a zod error: what a form shows next to each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "_")] ??= issue.message;
  return out;
}

export const ALERT = "rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800";
