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
