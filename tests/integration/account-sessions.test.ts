import { describe, expect, it } from "vitest";
import * as sessions from "../../app/api/auth/sessions/route.ts";
import * as revoke from "../../app/api/auth/sessions/[id]/revoke/route.ts";
import * as revokeOthers from "../../app/api/auth/sessions/revoke-others/route.ts";
import * as switchCompany from "../../app/api/auth/switch-company/route.ts";
import * as company from "../../app/api/admin/company/route.ts";
import * as users from "../../app/api/admin/users/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { sha256 } from "@/server/auth/tokens.ts";
import { call } from "../support/http.ts";
import { createCompany, createSession, createUser } from "../support/factories.ts";
import { ORIGIN, cookieValue, member, passwordStep } from "../support/identity.ts";

const db = () => unsafeUnscopedDb();
const sessionId = async (token: string) => (await db().session.findUniqueOrThrow({ where: { tokenHash: sha256(token) } })).id;

describe("own sessions", () => {
  it("lists live sessions with device, IP and a this-device marker; never another user's", async () => {
    const { user } = await member("OFFICE");
    const laptop = (await passwordStep(user.email, undefined, { ...ORIGIN, "x-forwarded-for": "10.30.0.1", "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36" })).session!;
    await passwordStep(user.email, undefined, { ...ORIGIN, "x-forwarded-for": "10.30.0.2", "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1" });
    const stranger = await member("OFFICE");
    await passwordStep(stranger.user.email);
    const res = await call(sessions.GET, { token: laptop });
    expect(res.status).toBe(200);
    expect(res.json.nextCursor).toBeNull();
    expect(res.json.items.map((s: { device: string; ip: string; current: boolean }) => [s.device, s.ip, s.current])).toEqual([
      ["Chrome on Windows", "10.30.0.1", true],
      ["Safari on iPhone", "10.30.0.2", false],
    ]);
    expect(res.json.items[0].companyName).toBeTruthy();
    expect((await call(sessions.GET)).status).toBe(401);
  });

  it("signs out one session, or every other one; a revoked session is anonymous", async () => {
    const { user, company: c } = await member("ADMIN");
    const a = (await passwordStep(user.email)).session!;
    const b = (await passwordStep(user.email)).session!;
    const c3 = (await passwordStep(user.email)).session!;
    const one = await call(revoke.POST, { token: a, params: { id: await sessionId(b) }, headers: ORIGIN });
    expect(one.status).toBe(204);
    expect((await call(users.GET, { token: b })).status).toBe(401);
    expect((await call(users.GET, { token: c3 })).status).toBe(200);
    const others = await call(revokeOthers.POST, { token: a, headers: ORIGIN });
    expect(others.json).toEqual({ revoked: 1 });
    expect((await call(users.GET, { token: c3 })).status).toBe(401);
    expect((await call(users.GET, { token: a })).status).toBe(200);
    const actions = (await db().auditEvent.findMany({ where: { companyId: c.id, action: { startsWith: "auth.session" } } })).map((e) => e.action);
    expect(actions).toEqual(["auth.session_revoked"]);
    expect(await db().auditEvent.count({ where: { companyId: c.id, action: "auth.other_sessions_revoked" } })).toBe(1);
  });

  it("can't end another user's session (404, and it stays alive)", async () => {
    const mine = await member("ADMIN");
    const theirs = await member("ADMIN");
    const myToken = (await passwordStep(mine.user.email)).session!;
    const theirToken = (await passwordStep(theirs.user.email)).session!;
    const res = await call(revoke.POST, { token: myToken, params: { id: await sessionId(theirToken) }, headers: ORIGIN });
    expect(res.status).toBe(404);
    expect((await call(users.GET, { token: theirToken })).status).toBe(200);
  });

  it("expires on idle and absolute limits", async () => {
    const { user, company: c } = await member("ADMIN");
    const idle = await createSession(user.id, c.id);
    await db().session.update({ where: { tokenHash: sha256(idle) }, data: { idleExpiresAt: new Date(Date.now() - 1) } });
    expect((await call(users.GET, { token: idle })).status).toBe(401);
    const old = await createSession(user.id, c.id);
    await db().session.update({ where: { tokenHash: sha256(old) }, data: { absoluteExpiresAt: new Date(Date.now() - 1) } });
    expect((await call(users.GET, { token: old })).status).toBe(401);
  });
});

describe("switching company", () => {
  it("moves the session to another active membership with a new token, audited in both companies", async () => {
    const { user, company: a } = await member("ADMIN");
    const b = await createCompany({ name: "Second Co" });
    await db().companyMembership.create({ data: { companyId: b.id, userId: user.id, role: "ENGINEER" } });
    const token = (await passwordStep(user.email)).session!;
    const res = await call(switchCompany.POST, { token, headers: ORIGIN, body: { companyId: b.id } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ redirectTo: "/engineer" });
    const next = cookieValue(res, "qt_session")!;
    expect(next).not.toBe(token);
    expect((await call(users.GET, { token })).status).toBe(401); // old session revoked
    const newSession = await db().session.findUniqueOrThrow({ where: { tokenHash: sha256(next) } });
    expect(newSession.activeCompanyId).toBe(b.id);
    expect((await call(users.GET, { token: next })).status).toBe(403); // an engineer there
    const away = await db().auditEvent.findFirstOrThrow({ where: { companyId: a.id, action: "auth.company_switched_away" } });
    const into = await db().auditEvent.findFirstOrThrow({ where: { companyId: b.id, action: "auth.company_switched" } });
    expect(away.metadata).toMatchObject({ fromCompanyId: a.id, toCompanyId: b.id });
    expect(into.actorId).toBe(user.id);
    // The next sign-in starts in the company used last.
    const again = await passwordStep(user.email);
    expect(again.res.json).toEqual({ redirectTo: "/engineer" });
  });

  it("refuses a company without an active membership (404) and a suspended company sends people to /suspended", async () => {
    const { user } = await member("OFFICE");
    const token = (await passwordStep(user.email)).session!;
    const foreign = await createCompany();
    expect((await call(switchCompany.POST, { token, headers: ORIGIN, body: { companyId: foreign.id } })).status).toBe(404);
    const left = await createCompany();
    await db().companyMembership.create({ data: { companyId: left.id, userId: user.id, role: "ADMIN", status: "DEACTIVATED" } });
    expect((await call(switchCompany.POST, { token, headers: ORIGIN, body: { companyId: left.id } })).status).toBe(404);
    expect((await call(users.GET, { token })).status).toBe(200); // nothing rotated on refusal
    const suspended = await createCompany({ status: "SUSPENDED" });
    await db().companyMembership.create({ data: { companyId: suspended.id, userId: user.id, role: "ADMIN" } });
    const res = await call(switchCompany.POST, { token, headers: ORIGIN, body: { companyId: suspended.id } });
    expect(res.json).toEqual({ redirectTo: "/suspended" });
    const refused = await call(company.GET, { token: cookieValue(res, "qt_session") });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/suspended/);
  });

  it("an operator with no company cannot switch into one they don't belong to", async () => {
    const op = await createUser({ operator: true });
    const c = await createCompany();
    const token = await createSession(op.id, null);
    expect((await call(switchCompany.POST, { token, headers: ORIGIN, body: { companyId: c.id } })).status).toBe(404);
  });
});
