import { describe, expect, it } from "vitest";
import * as impersonate from "../../app/api/admin/users/[id]/impersonate/route.ts";
import * as stop from "../../app/api/auth/impersonation/stop/route.ts";
import * as company from "../../app/api/admin/company/route.ts";
import * as users from "../../app/api/admin/users/route.ts";
import * as mfaEnrol from "../../app/api/auth/mfa/enrol/route.ts";
import * as revokeOthers from "../../app/api/auth/sessions/revoke-others/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { sha256 } from "@/server/auth/tokens.ts";
import { call } from "../support/http.ts";
import { createCompany, createSession, createUser } from "../support/factories.ts";
import { ORIGIN, cookieValue } from "../support/identity.ts";

const db = () => unsafeUnscopedDb();

async function setup() {
  const c = await createCompany();
  const admin = await createUser({ companyId: c.id, role: "ADMIN", name: "Ada Admin" });
  const office = await createUser({ companyId: c.id, role: "OFFICE", name: "Olly Office" });
  const engineer = await createUser({ companyId: c.id, role: "ENGINEER", name: "Eve Engineer" });
  const client = await createUser({ companyId: c.id, role: "CLIENT" });
  const otherAdmin = await createUser({ companyId: c.id, role: "ADMIN" });
  return { company: c, admin, office, engineer, client, otherAdmin, token: await createSession(admin.id, c.id) };
}

describe("impersonation", () => {
  it("an admin acts as an office user; every action carries the real actor; stop returns to the admin; all audited", async () => {
    const t = await setup();
    // Let the office user change settings, so we can see an action taken while impersonating.
    await db().companyMembership.updateMany({ where: { companyId: t.company.id, userId: t.office.id }, data: { grantedCapabilities: ["settings.manage"] } });
    const started = await call(impersonate.POST, { token: t.token, params: { id: t.office.id }, headers: ORIGIN });
    expect(started.status).toBe(200);
    expect(started.json).toEqual({ redirectTo: "/admin" });
    const acting = cookieValue(started, "qt_session")!;
    expect((await call(users.GET, { token: t.token })).status).toBe(401); // the admin's session rotated away
    const row = await db().session.findUniqueOrThrow({ where: { tokenHash: sha256(acting) } });
    expect([row.userId, row.impersonatorId]).toEqual([t.office.id, t.admin.id]);
    expect(row.absoluteExpiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    const patched = await call(company.PATCH, { token: acting, headers: ORIGIN, body: { paymentTermsDays: 9 } });
    expect(patched.status).toBe(200);
    const change = await db().auditEvent.findFirstOrThrow({ where: { companyId: t.company.id, action: "company.settings_updated" } });
    expect([change.actorId, change.impersonatorId]).toEqual([t.office.id, t.admin.id]);
    // The person's own account security is not the admin's to change.
    expect((await call(mfaEnrol.POST, { token: acting, headers: ORIGIN })).status).toBe(403);
    expect((await call(revokeOthers.POST, { token: acting, headers: ORIGIN })).status).toBe(403);
    // Nor can they chain into another impersonation.
    expect((await call(impersonate.POST, { token: acting, params: { id: t.engineer.id }, headers: ORIGIN })).status).toBe(403);

    const stopped = await call(stop.POST, { token: acting, headers: ORIGIN });
    expect(stopped.status).toBe(200);
    expect(stopped.json).toEqual({ redirectTo: "/admin" });
    const back = cookieValue(stopped, "qt_session")!;
    expect((await call(users.GET, { token: acting })).status).toBe(401);
    const backRow = await db().session.findUniqueOrThrow({ where: { tokenHash: sha256(back) } });
    expect([backRow.userId, backRow.impersonatorId]).toEqual([t.admin.id, null]);
    expect((await call(users.GET, { token: back })).status).toBe(200);

    const trail = await db().auditEvent.findMany({ where: { companyId: t.company.id, action: { startsWith: "auth.impersonation" } }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.action, e.actorId, e.impersonatorId, e.entityId])).toEqual([
      ["auth.impersonation_started", t.admin.id, null, t.office.id],
      ["auth.impersonation_stopped", t.office.id, t.admin.id, t.office.id],
    ]);
  });

  it("engineers, clients and office staff can never impersonate; admins, deactivated people and operators can't be impersonated", async () => {
    const t = await setup();
    for (const who of [t.engineer, t.client, t.office]) {
      const token = await createSession(who.id, t.company.id);
      expect((await call(impersonate.POST, { token, params: { id: t.client.id === who.id ? t.engineer.id : t.client.id }, headers: ORIGIN })).status).toBe(403);
    }
    // Granting it to an engineer is refused by the capability map.
    await db().companyMembership.updateMany({ where: { companyId: t.company.id, userId: t.engineer.id }, data: { grantedCapabilities: ["users.impersonate"] } });
    expect((await call(impersonate.POST, { token: await createSession(t.engineer.id, t.company.id), params: { id: t.client.id }, headers: ORIGIN })).status).toBe(403);

    expect((await call(impersonate.POST, { token: t.token, params: { id: t.otherAdmin.id }, headers: ORIGIN })).status).toBe(409);
    expect((await call(impersonate.POST, { token: t.token, params: { id: t.admin.id }, headers: ORIGIN })).status).toBe(400);
    const operator = await createUser({ operator: true });
    await db().companyMembership.create({ data: { companyId: t.company.id, userId: operator.id, role: "OFFICE" } });
    expect((await call(impersonate.POST, { token: t.token, params: { id: operator.id }, headers: ORIGIN })).status).toBe(409);
    await db().companyMembership.updateMany({ where: { companyId: t.company.id, userId: t.engineer.id }, data: { status: "DEACTIVATED" } });
    expect((await call(impersonate.POST, { token: t.token, params: { id: t.engineer.id }, headers: ORIGIN })).status).toBe(409);
    expect(await db().session.count({ where: { impersonatorId: t.admin.id } })).toBe(0);
  });

  it("stopping when the admin has lost the right just ends the session", async () => {
    const t = await setup();
    const started = await call(impersonate.POST, { token: t.token, params: { id: t.engineer.id }, headers: ORIGIN });
    expect(started.json).toEqual({ redirectTo: "/engineer" });
    const acting = cookieValue(started, "qt_session")!;
    await db().companyMembership.updateMany({ where: { companyId: t.company.id, userId: t.admin.id }, data: { status: "DEACTIVATED" } });
    const stopped = await call(stop.POST, { token: acting, headers: ORIGIN });
    expect(stopped.json).toEqual({ redirectTo: "/login" });
    expect(cookieValue(stopped, "qt_session")).toBe("");
    expect((await call(users.GET, { token: acting })).status).toBe(401);
    expect(await db().session.count({ where: { userId: t.admin.id, revokedAt: null } })).toBe(0);
  });

  it("stop without an impersonation is a 409", async () => {
    const t = await setup();
    expect((await call(stop.POST, { token: t.token, headers: ORIGIN })).status).toBe(409);
  });
});
