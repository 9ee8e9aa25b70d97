/**
 * Maps anything thrown below a route to an AppError, in one place:
 * zod -> 400 with field messages, Prisma P2002 -> 409, P2025 -> 404, P2003 -> 409 (link refused),
 * P1xxx / connection failures -> 503, everything else -> 500.
 */
import { ZodError } from "zod";
import { AppError, conflict, notFound, unavailable, type FieldErrors } from "./errors.ts";

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

export function zodFieldErrors(err: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of err.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

function errorChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let cur: unknown = err;
  for (let i = 0; cur && i < 6; i++) {
    chain.push(cur);
    cur = (cur as { cause?: unknown }).cause;
  }
  return chain;
}

function prop(e: unknown, key: string): unknown {
  return e && typeof e === "object" ? (e as Record<string, unknown>)[key] : undefined;
}

export function isConnectionError(err: unknown): boolean {
  return errorChain(err).some((e) => {
    const code = prop(e, "code");
    const kind = prop(prop(e, "cause"), "kind") ?? prop(e, "kind");
    const name = prop(e, "name");
    const message = String(prop(e, "message") ?? "");
    return (
      (typeof code === "string" && (CONNECTION_ERROR_CODES.has(code) || /^P1\d{3}$/.test(code))) ||
      name === "PrismaClientInitializationError" ||
      kind === "DatabaseNotReachable" ||
      kind === "DatabaseDoesNotExist" ||
      /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Can't reach database/i.test(message)
    );
  });
}

export function classifyError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return new AppError("BAD_REQUEST", "Some fields need attention.", { fields: zodFieldErrors(err) });
  const code = prop(err, "code");
  if (code === "P2002") return conflict("That already exists.");
  if (code === "P2025") return notFound();
  if (code === "P2003") return conflict("That refers to a record that does not exist.");
  if (isConnectionError(err)) return unavailable(undefined, err);
  return new AppError("INTERNAL", "Something went wrong on our side.", { cause: err });
}
