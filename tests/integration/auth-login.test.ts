import { describe, expect, it } from "vitest";
import * as login from "../../app/api/auth/login/route.ts";
import * as logout from "../../app/api/auth/logout/route.ts";
import * as company from "../../app/api/admin/company/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { hashPassword } from "@/modules/identity/password.ts";
import { call } from "../support/http.ts";
import { createCompany, createUser } from "../support/factories.ts";

const PASSWORD = "a-long-enough-passphrase";

async function member(role: "ADMIN" | "OFFICE" | "ENGINEER" | "CLIENT", status: "ACTIVE" | "SUSPENDED" = "ACTIVE") {
  const c = await createCompany({ status });
  const u = await createUser({ companyId: c.id, role });
  await unsafeUnscopedDb().user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return { company: c, user: u };
}

const asBrowser = (ip: string) => ({ origin: "http://localhost:3000", "x-forwarded-for": ip, "user-agent": "Mozilla/5.0 test" });
const cookieToken = (setCookie: string | null) => /qt_session=([^;]+)/.exec(setCookie ?? "")?.[1];

describe("POST /api/auth/login", () => {
  it.each([
    ["ADMIN", "/admin"],
    ["OFFICE", "/admin"],
    ["ENGINEER", "/engineer"],
    ["CLIENT", "/client"],
  ] as const)("%s signs in, gets an HTTP-only session cookie and lands in %s", async (role, home) => {
    const { user, company } = await member(role);
    const res = await call(login.POST, { body: { email: user.email.toUpperCase(), password: PASSWORD }, headers: asBrowser("10.0.0.1") });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ redirectTo: home });
    const setCookie = res.headers.get("set-cookie");
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    const token = cookieToken(setCookie)!;
    const session = await unsafeUnscopedDb().session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.tokenHash).not.toBe(token); // only the hash is stored
    expect(session.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(session.activeCompanyId).toBe(company.id);
    expect(session.ip).toBe("10.0.0.1");
    const events = await unsafeUnscopedDb().auditEvent.findMany({ where: { companyId: company.id, action: "auth.login" } });
    expect(events).toHaveLength(1);
  });

  it("gives one generic 401 for an unknown email and a wrong password, and audits both", async () => {
    const { user } = await member("ADMIN");
    const unknown = await call(login.POST, { body: { email: "nobody@example.test", password: PASSWORD }, headers: asBrowser("10.0.0.2") });
    const wrong = await call(login.POST, { body: { email: user.email, password: "not-the-password" }, headers: asBrowser("10.0.0.2") });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.text).toBe(wrong.text);
    expect(unknown.headers.get("set-cookie")).toBeNull();
    const failures = await unsafeUnscopedDb().auditEvent.findMany({ where: { action: "auth.login_failed" }, orderBy: { id: "asc" } });
    expect(failures.map((f) => f.metadata)).toEqual([
      { email: "nobody@example.test", reason: "unknown_email" },
      { email: user.email, reason: "bad_password" },
    ]);
    expect(failures.every((f) => f.ip === "10.0.0.2")).toBe(true);
  });

  it("allows 10 attempts per 15 minutes per IP+email, then 429 with Retry-After", async () => {
    const { user } = await member("OFFICE");
    for (let i = 0; i < 10; i++) {
      const ok = await call(login.POST, { body: { email: user.email, password: PASSWORD }, headers: asBrowser("10.0.0.3") });
      expect(ok.status).toBe(200);
    }
    const limited = await call(login.POST, { body: { email: user.email, password: PASSWORD }, headers: asBrowser("10.0.0.3") });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another IP is a different bucket.
    expect((await call(login.POST, { body: { email: user.email, password: PASSWORD }, headers: asBrowser("10.0.0.4") })).status).toBe(200);
  });

  it("locks an account with growing back-off after 5 consecutive failures, even with the right password", async () => {
    const { user } = await member("ADMIN");
    const attempt = (password: string, ip: string) => call(login.POST, { body: { email: user.email, password }, headers: asBrowser(ip) });
    for (let i = 0; i < 5; i++) expect((await attempt("wrong-password-x", `10.1.0.${i}`)).status).toBe(401);
    const sixth = await attempt("wrong-password-x", "10.1.0.9");
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBe(60);
    const locked = await attempt(PASSWORD, "10.1.0.10");
    expect(locked.status).toBe(429);
    // When the lock runs out, the next failure locks for twice as long.
    const { readyRedis, redisKey } = await import("@/server/redis/redis.ts");
    await (await readyRedis()).del(redisKey("lock", `login:${user.email}`));
    const seventh = await attempt("wrong-password-x", "10.1.0.11");
    expect(seventh.status).toBe(429);
    expect(Number(seventh.headers.get("retry-after"))).toBe(120);
    const reasons = (await unsafeUnscopedDb().auditEvent.findMany({ where: { action: "auth.login_failed", entityId: null }, orderBy: { id: "asc" } })).map(
      (e) => (e.metadata as { reason: string }).reason,
    );
    expect(reasons).toContain("locked");
  });

  it("refuses a cross-site login post (login CSRF)", async () => {
    const { user } = await member("ADMIN");
    const res = await call(login.POST, { body: { email: user.email, password: PASSWORD }, headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });

  it("sends a suspended company's users to the suspended page", async () => {
    const { user } = await member("ADMIN", "SUSPENDED");
    const res = await call(login.POST, { body: { email: user.email, password: PASSWORD }, headers: asBrowser("10.0.0.5") });
    expect(res.json.redirectTo).toBe("/suspended");
  });

  it("validates input with field messages", async () => {
    const res = await call(login.POST, { body: { email: "not-an-email", password: "" }, headers: asBrowser("10.0.0.6") });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toEqual({ email: "Enter a valid email address", password: "Enter your password" });
  });
});

describe("POST /api/auth/logout", () => {
  it("ends the session server-side and clears the cookie", async () => {
    const { user } = await member("ADMIN");
    const signedIn = await call(login.POST, { body: { email: user.email, password: PASSWORD }, headers: asBrowser("10.0.0.7") });
    const token = cookieToken(signedIn.headers.get("set-cookie"))!;
    expect((await call(company.GET, { token })).status).toBe(200);
    const out = await call(logout.POST, { token, headers: { origin: "http://localhost:3000" } });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/qt_session=;/);
    expect((await call(company.GET, { token })).status).toBe(401);
    const s = await unsafeUnscopedDb().session.findFirstOrThrow({ where: { userId: user.id } });
    expect(s.revokedAt).not.toBeNull();
  });
});
