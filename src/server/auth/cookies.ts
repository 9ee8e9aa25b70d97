/** Session cookie: HTTP-only, SameSite=Lax; Secure with the __Host- prefix when served over https. */
import { env } from "../config/env.ts";

export function sessionCookieSecure(): boolean {
  const e = env();
  return e.SESSION_COOKIE_SECURE ?? e.APP_URL.startsWith("https://");
}

export function sessionCookieName(): string {
  return sessionCookieSecure() ? "__Host-qt_session" : "qt_session";
}

/** Names proxy.ts may see (it runs before env parsing and only checks presence). */
export const SESSION_COOKIE_NAMES = ["__Host-qt_session", "qt_session"] as const;

export function sessionCookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: sessionCookieSecure(),
    path: "/",
    maxAge: maxAgeSeconds,
  };
}

/** The short-lived MFA sign-in challenge (between the password step and the code step). */
export const MFA_CHALLENGE_COOKIE_NAMES = ["__Host-qt_mfa", "qt_mfa"] as const;

export function mfaChallengeCookieName(): string {
  return sessionCookieSecure() ? "__Host-qt_mfa" : "qt_mfa";
}

type CookieJar = { set: (name: string, value: string, options: ReturnType<typeof sessionCookieOptions>) => unknown };

/** Sets (or, with an empty token and 0, clears) the session cookie on a response. */
export function setSessionCookie(res: { cookies: CookieJar }, token: string, maxAgeSeconds: number): void {
  res.cookies.set(sessionCookieName(), token, sessionCookieOptions(maxAgeSeconds));
}

export function setMfaChallengeCookie(res: { cookies: CookieJar }, token: string, maxAgeSeconds: number): void {
  res.cookies.set(mfaChallengeCookieName(), token, sessionCookieOptions(maxAgeSeconds));
}
