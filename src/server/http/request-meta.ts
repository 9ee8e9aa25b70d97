import { randomUUID } from "node:crypto";

const REQUEST_ID_RE = /^[a-zA-Z0-9-]{8,64}$/;

/** Request id from proxy.ts (or a fresh one), client IP and user agent, from any Headers. */
export function requestMeta(headers: Headers) {
  const given = headers.get("x-request-id");
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    requestId: given && REQUEST_ID_RE.test(given) ? given : randomUUID(),
    ip: forwarded || headers.get("x-real-ip") || null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
