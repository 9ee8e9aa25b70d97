/**
 * Next 16 proxy (formerly middleware): security headers on every response, a request id, and
 * coarse gating of the portals by path prefix. The gate only checks that a session cookie is
 * present; the real check (session, role, capability) runs in every page and handler.
 */
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["__Host-qt_session", "qt_session"];
/** Portal prefixes that need a signed-in user; everything else is public or checks for itself. */
const GATED_PREFIXES = ["/admin", "/engineer", "/client", "/platform"];
const REQUEST_ID_RE = /^[a-zA-Z0-9-]{8,64}$/;

export function contentSecurityPolicy(nonce: string, dev: boolean, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React sets style attributes; styles can't run code, scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Length-independent comparison (no early exit on the first differing character). */
function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** Cron paths are refused before routing unless they carry the secret (no secret set = disabled). */
function cronAllowed(request: NextRequest): boolean {
  const secret = process.env.CRON_SECRET;
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  return !!secret && sameSecret(given, secret);
}

function isGated(pathname: string): boolean {
  return GATED_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const given = request.headers.get("x-request-id");
  const requestId = given && REQUEST_ID_RE.test(given) ? given : crypto.randomUUID();

  if (pathname.startsWith("/api/internal/") && !cronAllowed(request)) {
    return Response.json(
      { error: { code: "UNAUTHENTICATED", message: "Invalid cron credentials." } },
      { status: 401, headers: { "x-request-id": requestId, "cache-control": "no-store" } },
    );
  }

  if (isGated(pathname) && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    const res = NextResponse.redirect(login);
    res.headers.set("x-request-id", requestId);
    return res;
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development", https);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-pathname", `${pathname}${search}`);
  // Next reads the request-side policy to put the nonce on its own scripts.
  requestHeaders.set("content-security-policy", csp);

  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("content-security-policy", csp);
  res.headers.set("x-request-id", requestId);
  res.headers.set("x-content-type-options", "nosniff");
  res.headers.set("x-frame-options", "DENY");
  res.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  res.headers.set("permissions-policy", "camera=(self), microphone=(), geolocation=(self), payment=(self)");
  res.headers.set("cross-origin-opener-policy", "same-origin");
  if (process.env.NODE_ENV === "production" && https) {
    res.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains; preload");
  }
  return res;
}

export const config = {
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico|icons/|manifest.webmanifest|robots.txt).*)" },
  ],
};
