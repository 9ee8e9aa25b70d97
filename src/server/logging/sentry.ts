/** Sentry for web and worker: inert without a DSN; secrets and personal data scrubbed before sending. */
import * as Sentry from "@sentry/nextjs";

const SENSITIVE = /password|token|secret|cookie|authorization|session|code|email|phone/i;

function scrub(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== "object" || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SENSITIVE.test(k) ? "[redacted]" : scrub(v, depth + 1)]),
  );
}

export function initSentry(dsn: string | undefined, service: "web" | "worker") {
  if (!dsn) return;
  Sentry.init({
    dsn,
    environment: process.env.NODE_ENV,
    initialScope: { tags: { service } },
    sendDefaultPii: false,
    tracesSampleRate: 0,
    beforeSend(event) {
      if (event.request) {
        delete event.request.cookies;
        event.request.headers = scrub(event.request.headers) as Record<string, string>;
        event.request.data = scrub(event.request.data);
        if (event.request.query_string) event.request.query_string = "[redacted]";
      }
      if (event.user) event.user = { id: event.user.id };
      event.extra = scrub(event.extra) as Record<string, unknown>;
      return event;
    },
  });
}
