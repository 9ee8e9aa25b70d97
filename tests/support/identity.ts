/** Identity test helpers: members with passwords, sign-in through the real route, TOTP codes. */
import { generate } from "otplib";
import * as login from "../../app/api/auth/login/route.ts";
import * as mfaVerify from "../../app/api/auth/mfa/verify/route.ts";
import type { Role } from "@/generated/prisma/client.ts";
import { hashPassword } from "@/modules/identity/password.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { call } from "./http.ts";
import { createCompany, createUser } from "./factories.ts";

export const PASSWORD = "a-long-enough-passphrase";
export const ORIGIN = { origin: "http://localhost:3000" };

let ipCounter = 0;
/** A browser-like caller with its own IP (so rate limits of one test don't touch another). */
export const asBrowser = () => ({ ...ORIGIN, "x-forwarded-for": `10.20.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`, "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 Chrome/130.0 Safari/537.36" });

export const cookieValue = (res: { headers: Headers }, name: string) => {
  const all = res.headers.getSetCookie?.() ?? [res.headers.get("set-cookie") ?? ""];
  for (const c of all) {
    const m = new RegExp(`(?:^|, )${name}=([^;]*)`).exec(c);
    if (m) return m[1];
  }
  return undefined;
};

export async function withPassword<T extends { id: string }>(user: T): Promise<T> {
  await unsafeUnscopedDb().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return user;
}

export async function member(role: Role = "ADMIN", companyId?: string) {
  const company = companyId ? await unsafeUnscopedDb().company.findUniqueOrThrow({ where: { id: companyId } }) : await createCompany();
  const user = await withPassword(await createUser({ companyId: company.id, role }));
  return { company, user };
}

/** Password step; returns the session token or the MFA challenge token. */
export async function passwordStep(email: string, password = PASSWORD, headers = asBrowser()) {
  const res = await call(login.POST, { body: { email, password }, headers });
  return { res, session: cookieValue(res, "qt_session"), challenge: cookieValue(res, "qt_mfa") };
}

export async function mfaStep(challenge: string | undefined, code: string, headers = asBrowser()) {
  const h: Record<string, string> = { ...headers };
  if (challenge) h.cookie = `qt_mfa=${challenge}`;
  const res = await call(mfaVerify.POST, { body: { code }, headers: h });
  return { res, session: cookieValue(res, "qt_session") };
}

/** The TOTP code for now + offsetSteps × 30 s. */
export async function totp(secret: string, offsetSteps = 0) {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}
