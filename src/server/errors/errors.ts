/**
 * One error type with one code -> HTTP status map. Services throw these; the route wrapper and
 * page helpers turn them into responses. Anything else is a 500 with a request id and no internals.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldErrors; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause ? { cause: details.cause } : undefined);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const badRequest = (message: string, fields?: FieldErrors) => new AppError("BAD_REQUEST", message, { fields });
export const unauthenticated = (message = "Sign in to continue.") => new AppError("UNAUTHENTICATED", message);
export const forbidden = (message = "You don't have permission to do that.") => new AppError("FORBIDDEN", message);
/** Identical for a missing id and another tenant's id: never a hint that the record exists. */
export const notFound = (message = "Not found.") => new AppError("NOT_FOUND", message);
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const validationFailed = (message: string, fields?: FieldErrors) =>
  new AppError("VALIDATION_FAILED", message, { fields });
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError("RATE_LIMITED", "Too many attempts. Try again later.", { retryAfterSeconds });
export const unavailable = (message = "The service is temporarily unavailable. Try again in a moment.", cause?: unknown) =>
  new AppError("UNAVAILABLE", message, { cause });

/** For `.catch()` where a missing record is an ordinary answer (null) and anything else is still an error. */
export function nullIfNotFound(err: unknown): null {
  if (err instanceof AppError && err.status === 404) return null;
  throw err;
}
