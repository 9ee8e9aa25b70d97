import { describe, expect, it } from "vitest";
import * as list from "../../app/api/platform/companies/route.ts";
import * as suspend from "../../app/api/platform/companies/[id]/suspend/route.ts";
import * as reactivate from "../../app/api/platform/companies/[id]/reactivate/route.ts";
import * as company from "../../app/api/admin/company/route.ts";
import * as login from "../../app/api/auth/login/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { call } from "../support/http.ts";
import { createCompany, createSession, createUser } from "../support/factories.ts";
import { ORIGIN, asBrowser, member, PASSWORD } from "../support/identity.ts";

const db = () => unsafeUnscopedDb();

describe("platform console", () => {
  it("an operator suspends a company with a reason (audited in its trail); its users are refused; reactivation restores access", async () => {
    const op = await createUser({ operator: true });
    const opToken = await createSession(op.id, null);
    const { user, company: c } = await member("ADMIN");
    const adminToken = await createSession(user.id, c.id);
    expect((await call(company.GET, { token: adminToken })).status).toBe(200);

    const noReason = await call(suspend.POST, { token: opToken, params: { id: c.id }, headers: ORIGIN, body: { reason: "" } });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.fields.reason).toBeTruthy();

    const res = await call(suspend.POST, { token: opToken, params: { id: c.id }, headers: ORIGIN, body: { reason: "Unpaid since March" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "SUSPENDED", statusReason: "Unpaid since March", userCount: 1 });
    const refused = await call(company.GET, { token: adminToken });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/suspended/i);
    const signIn = await call(login.POST, { body: { email: user.email, password: PASSWORD }, headers: asBrowser() });
    expect(signIn.json).toEqual({ redirectTo: "/suspended" });
    expect((await call(suspend.POST, { token: opToken, params: { id: c.id }, headers: ORIGIN, body: { reason: "Again, twice" } })).status).toBe(409);

    const event = await db().auditEvent.findFirstOrThrow({ where: { companyId: c.id, action: "platform.company_suspended" } });
    expect([event.actorId, event.before, event.after, event.metadata]).toEqual([op.id, { status: "ACTIVE" }, { status: "SUSPENDED" }, { reason: "Unpaid since March" }]);

    const back = await call(reactivate.POST, { token: opToken, params: { id: c.id }, headers: ORIGIN, body: { reason: "Paid in full" } });
    expect(back.json).toMatchObject({ status: "ACTIVE", statusReason: null });
    expect((await call(company.GET, { token: adminToken })).status).toBe(200);
    expect(await db().auditEvent.count({ where: { companyId: c.id, action: "platform.company_reactivated" } })).toBe(1);
  });

  it("is for operators only, and shows counts, never business data", async () => {
    const { user, company: c } = await member("ADMIN");
    const adminToken = await createSession(user.id, c.id);
    expect((await call(list.GET)).status).toBe(401);
    expect((await call(list.GET, { token: adminToken })).status).toBe(403);
    expect((await call(suspend.POST, { token: adminToken, params: { id: c.id }, headers: ORIGIN, body: { reason: "I am not an operator" } })).status).toBe(403);
    const op = await createUser({ operator: true });
    const res = await call(list.GET, { token: await createSession(op.id, null) });
    expect(res.status).toBe(200);
    const row = res.json.items.find((t: { id: string }) => t.id === c.id);
    expect(Object.keys(row).sort()).toEqual(["createdAt", "id", "lastActivityAt", "name", "slug", "status", "statusReason", "userCount"]);
    const missing = await call(suspend.POST, { token: await createSession(op.id, null), params: { id: "0190a0a0-0000-7000-8000-000000000000" }, headers: ORIGIN, body: { reason: "No such company" } });
    expect(missing.status).toBe(404);
  });

  it("a trial company goes back to its trial when reactivated", async () => {
    const c = await createCompany({ status: "SUSPENDED" });
    await db().company.update({ where: { id: c.id }, data: { trialEndsAt: new Date(Date.now() + 86400_000) } });
    const op = await createUser({ operator: true });
    const res = await call(reactivate.POST, { token: await createSession(op.id, null), params: { id: c.id }, headers: ORIGIN, body: { reason: "Trial continues" } });
    expect(res.json.status).toBe("TRIAL");
  });
});
