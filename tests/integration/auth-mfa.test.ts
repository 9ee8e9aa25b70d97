import { describe, expect, it } from "vitest";
import * as enrol from "../../app/api/auth/mfa/enrol/route.ts";
import * as confirm from "../../app/api/auth/mfa/confirm/route.ts";
import * as disable from "../../app/api/auth/mfa/disable/route.ts";
import * as company from "../../app/api/admin/company/route.ts";
import * as users from "../../app/api/admin/users/route.ts";
import * as logout from "../../app/api/auth/logout/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { sha256 } from "@/server/auth/tokens.ts";
import { call } from "../support/http.ts";
import { createSession } from "../support/factories.ts";
import { ORIGIN, PASSWORD, cookieValue, member, mfaStep, passwordStep, totp } from "../support/identity.ts";

const db = () => unsafeUnscopedDb();

/** Enrols the user behind `token`: returns the secret, recovery codes and the rotated session token. */
async function enrolled(token: string) {
  const started = await call(enrol.POST, { token, headers: ORIGIN });
  expect(started.status).toBe(200);
  const secret: string = started.json.secret;
  const done = await call(confirm.POST, { token, headers: ORIGIN, body: { code: await totp(secret) } });
  expect(done.status).toBe(200);
  return { secret, recoveryCodes: done.json.recoveryCodes as string[], token: cookieValue(done, "qt_session")!, started };
}

async function userWithMfa(role: "ADMIN" | "OFFICE" = "ADMIN") {
  const m = await member(role);
  const signedIn = await passwordStep(m.user.email);
  const e = await enrolled(signedIn.session!);
  return { ...m, ...e };
}

describe("MFA enrolment", () => {
  it("shows a QR code and key, stores the secret encrypted, confirms with a code, returns 10 recovery codes once (hashed) and rotates the session", async () => {
    const { user } = await member("OFFICE");
    const first = await passwordStep(user.email);
    const { secret, recoveryCodes, token, started } = await enrolled(first.session!);
    expect(started.json.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(started.json.otpauthUri).toContain(`secret=${secret}`);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.mfaEnabledAt).not.toBeNull();
    expect(row.mfaSecretEnc).toMatch(/^v1\./);
    expect(row.mfaSecretEnc).not.toContain(secret);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await db().mfaRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    expect(stored.map((c) => c.codeHash)).not.toContain(recoveryCodes[0]);
    // Rotation: the old session is dead, the new one works.
    expect(token).not.toBe(first.session);
    expect((await call(users.GET, { token: first.session })).status).toBe(401);
    expect((await call(users.GET, { token })).status).toBe(200);
    const audit = await db().auditEvent.findMany({ where: { entityId: user.id, action: "auth.mfa_enabled" } });
    expect(audit).toHaveLength(1);
  });

  it("refuses a wrong confirmation code and a second enrolment", async () => {
    const { user } = await member("ADMIN");
    const { session } = await passwordStep(user.email);
    const started = await call(enrol.POST, { token: session, headers: ORIGIN });
    const wrong = await call(confirm.POST, { token: session, headers: ORIGIN, body: { code: (Number(await totp(started.json.secret)) + 1).toString().padStart(6, "0").slice(-6) } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.fields.code).toBeTruthy();
    const ok = await call(confirm.POST, { token: session, headers: ORIGIN, body: { code: await totp(started.json.secret) } });
    expect(ok.status).toBe(200);
    const again = await call(enrol.POST, { token: cookieValue(ok, "qt_session"), headers: ORIGIN });
    expect(again.status).toBe(409);
  });
});

describe("MFA sign-in", () => {
  it("answers mfaRequired with a short-lived HTTP-only challenge cookie and no session; a code completes sign-in", async () => {
    const { user, secret, company: c } = await userWithMfa("ADMIN");
    const step1 = await passwordStep(user.email);
    expect(step1.res.status).toBe(200);
    expect(step1.res.json).toEqual({ mfaRequired: true });
    expect(step1.session).toBeUndefined();
    const setCookie = step1.res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/qt_mfa=[^;]+;.*Max-Age=300/i);
    expect(setCookie).toMatch(/HttpOnly/i);
    const challenge = await db().authToken.findUniqueOrThrow({ where: { tokenHash: sha256(step1.challenge!) } });
    expect(challenge.purpose).toBe("MFA_CHALLENGE");
    expect(challenge.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    const step2 = await mfaStep(step1.challenge, await totp(secret, 1));
    expect(step2.res.status).toBe(200);
    expect(step2.res.json).toEqual({ redirectTo: "/admin" });
    expect((await call(company.GET, { token: step2.session })).json.id).toBe(c.id);
    const login = await db().auditEvent.findFirstOrThrow({ where: { companyId: c.id, action: "auth.login" }, orderBy: { id: "desc" } });
    expect(login.metadata).toMatchObject({ method: "password+totp" });
    // A used challenge can't start a second session.
    expect((await mfaStep(step1.challenge, await totp(secret))).res.status).toBe(401);
  });

  it("refuses a replayed code (the same time step twice)", async () => {
    const { user, secret } = await userWithMfa("OFFICE");
    const code = await totp(secret, 1);
    const a = await mfaStep((await passwordStep(user.email)).challenge, code);
    expect(a.res.status).toBe(200);
    const b = await mfaStep((await passwordStep(user.email)).challenge, code);
    expect(b.res.status).toBe(401);
    expect(b.session).toBeUndefined();
    // The code used at enrolment (an earlier step) is refused too.
    const c = await mfaStep((await passwordStep(user.email)).challenge, await totp(secret));
    expect(c.res.status).toBe(401);
  });

  it("accepts each recovery code once", async () => {
    const { user, recoveryCodes } = await userWithMfa("ADMIN");
    const first = await mfaStep((await passwordStep(user.email)).challenge, recoveryCodes[0]!.toUpperCase());
    expect(first.res.status).toBe(200);
    const reused = await mfaStep((await passwordStep(user.email)).challenge, recoveryCodes[0]!);
    expect(reused.res.status).toBe(401);
    const other = await mfaStep((await passwordStep(user.email)).challenge, recoveryCodes[1]!.replace("-", ""));
    expect(other.res.status).toBe(200);
    expect(await db().mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(8);
  });

  it("allows 5 attempts per challenge, then the challenge is dead even for the right code", async () => {
    const { user, secret } = await userWithMfa("ADMIN");
    const { challenge } = await passwordStep(user.email);
    for (let i = 0; i < 5; i++) {
      const wrong = await mfaStep(challenge, "000000");
      expect(wrong.res.status).toBe(401);
    }
    const right = await mfaStep(challenge, await totp(secret, 1));
    expect(right.res.status).toBe(401);
    expect(right.res.json.error.message).toMatch(/sign in again/i);
    const failures = await db().auditEvent.findMany({ where: { entityId: user.id, action: "auth.login_failed" } });
    expect(failures.map((f) => (f.metadata as { reason: string }).reason).sort()).toEqual([...Array(5).fill("bad_mfa_code"), "mfa_attempts_exhausted"].sort());
    // A fresh password sign-in gives a fresh challenge.
    expect((await mfaStep((await passwordStep(user.email)).challenge, await totp(secret, 1))).res.status).toBe(200);
  });

  it("refuses a missing, unknown or expired challenge", async () => {
    const { user, secret } = await userWithMfa("ADMIN");
    expect((await mfaStep(undefined, await totp(secret))).res.status).toBe(401);
    expect((await mfaStep("not-a-real-challenge", await totp(secret))).res.status).toBe(401);
    const { challenge } = await passwordStep(user.email);
    await db().authToken.update({ where: { tokenHash: sha256(challenge!) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await mfaStep(challenge, await totp(secret, 1))).res.status).toBe(401);
  });
});

describe("turning MFA off", () => {
  it("needs the password and a current code; rotates the session", async () => {
    const { user, secret, token } = await userWithMfa("OFFICE");
    const badPassword = await call(disable.POST, { token, headers: ORIGIN, body: { password: "wrong-password-123", code: await totp(secret, 1) } });
    expect(badPassword.status).toBe(422);
    const badCode = await call(disable.POST, { token, headers: ORIGIN, body: { password: PASSWORD, code: "123456" } });
    expect(badCode.status).toBe(422);
    const ok = await call(disable.POST, { token, headers: ORIGIN, body: { password: PASSWORD, code: await totp(secret, 1) } });
    expect(ok.status).toBe(204);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.mfaEnabledAt, row.mfaSecretEnc]).toEqual([null, null]);
    expect(await db().mfaRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await call(users.GET, { token })).status).toBe(401);
    expect((await call(users.GET, { token: cookieValue(ok, "qt_session") })).status).toBe(200);
    // Password alone signs in again.
    expect((await passwordStep(user.email)).session).toBeTruthy();
  });
});

describe("company requires MFA for admins and office staff", () => {
  it("holds an admin without MFA at enrolment (server-side), then lets them in once enrolled", async () => {
    const { user, company: c } = await member("ADMIN");
    const setting = await call(company.PATCH, { token: await createSession(user.id, c.id), headers: ORIGIN, body: { mfaRequiredForStaff: true } });
    expect(setting.status).toBe(200);
    expect(setting.json.mfaRequiredForStaff).toBe(true);

    const { res, session } = await passwordStep(user.email);
    expect(res.json).toEqual({ redirectTo: "/admin/account/security" });
    const row = await db().session.findUniqueOrThrow({ where: { tokenHash: sha256(session!) } });
    expect(row.mfaEnrolmentPending).toBe(true);
    const held = await call(company.GET, { token: session });
    expect(held.status).toBe(403);
    expect(held.json.error.message).toMatch(/two-factor/i);
    expect((await call(users.GET, { token: session })).status).toBe(403);

    const { token } = await enrolled(session!);
    expect((await call(company.GET, { token })).status).toBe(200);
    // Sign-out stays open to a held session.
    const other = await member("OFFICE", c.id);
    const officeSession = (await passwordStep(other.user.email)).session;
    expect((await call(logout.POST, { token: officeSession, headers: ORIGIN })).status).toBe(204);
  });

  it("does not hold engineers and clients, and refuses turning MFA off while required", async () => {
    const { user: admin, company: c } = await member("ADMIN");
    await db().company.update({ where: { id: c.id }, data: { mfaRequiredForStaff: true } });
    const engineer = await member("ENGINEER", c.id);
    const { res } = await passwordStep(engineer.user.email);
    expect(res.json).toEqual({ redirectTo: "/engineer" });
    const { session } = await passwordStep(admin.email);
    const { secret, token } = await enrolled(session!);
    const refused = await call(disable.POST, { token, headers: ORIGIN, body: { password: PASSWORD, code: await totp(secret, 1) } });
    expect(refused.status).toBe(409);
  });
});
