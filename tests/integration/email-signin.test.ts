import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as magic from "../../app/api/auth/magic-link/route.ts";
import * as magicVerify from "../../app/api/auth/magic-link/verify/route.ts";
import * as reset from "../../app/api/auth/password-reset/route.ts";
import * as resetComplete from "../../app/api/auth/password-reset/complete/route.ts";
import * as login from "../../app/api/auth/login/route.ts";
import * as company from "../../app/api/admin/company/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { verifyPassword } from "@/modules/identity/password.ts";
import { startRuntime } from "@/worker/runtime.ts";
import { call } from "../support/http.ts";
import { createCompany, createSession, createUser } from "../support/factories.ts";
import { waitUntil } from "../support/worker-env.ts";

let runtime: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  runtime = await startRuntime({ queues: [{ queue: "email", concurrency: 5 }] });
});
afterAll(() => runtime.stop());

const browser = { origin: "http://localhost:3000", "x-forwarded-for": "10.9.0.1" };

async function member() {
  const c = await createCompany();
  const u = await createUser({ companyId: c.id, role: "ADMIN" });
  return { company: c, user: u };
}

/** The link in the newest email to `to` (the mailbox transport stores what was sent). */
async function linkSentTo(to: string, path: string): Promise<string> {
  await waitUntil(async () => (await unsafeUnscopedDb().emailMessage.count({ where: { to: { has: to } } })) > 0, 15_000, `email to ${to}`);
  const m = await unsafeUnscopedDb().emailMessage.findFirstOrThrow({ where: { to: { has: to } }, orderBy: { id: "desc" } });
  const url = m.text.match(new RegExp(`http://localhost:3000${path}/([A-Za-z0-9_-]{43})`));
  if (!url) throw new Error(`no link in: ${m.text}`);
  return url[1]!;
}

describe("magic link", () => {
  it("answers 202 either way, emails a single-use link that signs in", async () => {
    const { user, company: c } = await member();
    const unknown = await call(magic.POST, { body: { email: "nobody-here@example.test" }, headers: browser });
    const known = await call(magic.POST, { body: { email: user.email }, headers: browser });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.text).toBe(known.text);
    const token = await linkSentTo(user.email, "/login/magic");
    // The outbox held the link sealed, never in clear.
    const outbox = await unsafeUnscopedDb().outboxMessage.findFirstOrThrow({ where: { jobName: "email.send", payload: { path: ["to"], array_contains: [user.email] } } });
    expect(JSON.stringify(outbox.payload)).not.toContain(token);
    const email = await unsafeUnscopedDb().emailMessage.findFirstOrThrow({ where: { to: { has: user.email } } });
    expect(email).toMatchObject({ companyId: c.id, category: "auth", subject: "Your Quantract sign-in link" });

    const used = await call(magicVerify.POST, { body: { token }, headers: browser });
    expect(used.status).toBe(200);
    expect(used.json.redirectTo).toBe("/admin");
    const session = /qt_session=([^;]+)/.exec(used.headers.get("set-cookie") ?? "")![1]!;
    expect((await call(company.GET, { token: session })).status).toBe(200);
    const again = await call(magicVerify.POST, { body: { token }, headers: browser });
    expect(again.status).toBe(401);
    expect(again.json.error.message).toMatch(/expired or has already been used/);
  });

  it("expires after 15 minutes and is limited to 5 requests per 15 minutes per email", async () => {
    const { user } = await member();
    await call(magic.POST, { body: { email: user.email }, headers: browser });
    const token = await linkSentTo(user.email, "/login/magic");
    await unsafeUnscopedDb().authToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(magicVerify.POST, { body: { token }, headers: browser })).status).toBe(401);
    for (let i = 0; i < 4; i++) expect((await call(magic.POST, { body: { email: user.email }, headers: browser })).status).toBe(202);
    const limited = await call(magic.POST, { body: { email: user.email }, headers: browser });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("password reset", () => {
  it("sets a new password from the emailed link, ends every session, is audited and single-use", async () => {
    const { user, company: c } = await member();
    const oldSession = await createSession(user.id, c.id);
    expect((await call(reset.POST, { body: { email: user.email }, headers: browser })).status).toBe(202);
    const token = await linkSentTo(user.email, "/reset-password");

    const weak = await call(resetComplete.POST, { body: { token, password: "short", confirm: "short" }, headers: browser });
    expect(weak.status).toBe(400);
    expect(weak.json.error.fields.password).toMatch(/at least 12/);
    const common = await call(resetComplete.POST, { body: { token, password: "password1234", confirm: "password1234" }, headers: browser });
    expect(common.json.error.fields.password).toMatch(/too common/);
    const mismatch = await call(resetComplete.POST, { body: { token, password: "a sound new passphrase", confirm: "something else entirely" }, headers: browser });
    expect(mismatch.json.error.fields.confirm).toBe("The two passwords don't match");

    const done = await call(resetComplete.POST, { body: { token, password: "a sound new passphrase", confirm: "a sound new passphrase" }, headers: browser });
    expect(done.status).toBe(200);
    expect(done.json.redirectTo).toBe("/login?reset=1");
    const fresh = await unsafeUnscopedDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("a sound new passphrase", fresh.passwordHash)).toBe(true);
    expect((await call(company.GET, { token: oldSession })).status).toBe(401);
    expect(await unsafeUnscopedDb().session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    const audit = await unsafeUnscopedDb().auditEvent.findMany({ where: { entityId: user.id, action: "auth.password_reset" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.companyId).toBe(c.id);
    expect((await call(resetComplete.POST, { body: { token, password: "another passphrase ok", confirm: "another passphrase ok" }, headers: browser })).status).toBe(401);
    const signIn = await call(login.POST, { body: { email: user.email, password: "a sound new passphrase" }, headers: browser });
    expect(signIn.status).toBe(200);
  });
});
