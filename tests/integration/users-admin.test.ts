import { describe, expect, it } from "vitest";
import * as list from "../../app/api/admin/users/route.ts";
import * as one from "../../app/api/admin/users/[id]/route.ts";
import * as deactivate from "../../app/api/admin/users/[id]/deactivate/route.ts";
import * as reactivate from "../../app/api/admin/users/[id]/reactivate/route.ts";
import * as impersonate from "../../app/api/admin/users/[id]/impersonate/route.ts";
import * as company from "../../app/api/admin/company/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { call } from "../support/http.ts";
import { createCompany, createSession, createUser } from "../support/factories.ts";
import { ORIGIN } from "../support/identity.ts";

const db = () => unsafeUnscopedDb();

async function team() {
  const c = await createCompany();
  const admin = await createUser({ companyId: c.id, role: "ADMIN", name: "Alice Admin" });
  const office = await createUser({ companyId: c.id, role: "OFFICE", name: "Oscar Office" });
  const engineer = await createUser({ companyId: c.id, role: "ENGINEER", name: "Erin Engineer" });
  const client = await createUser({ companyId: c.id, role: "CLIENT", name: "Cleo Client" });
  const token = await createSession(admin.id, c.id);
  return { company: c, admin, office, engineer, client, token };
}

describe("GET /api/admin/users", () => {
  it("401 anonymous, 403 for engineers and clients, the company's people for admin and office", async () => {
    const t = await team();
    expect((await call(list.GET)).status).toBe(401);
    expect((await call(list.GET, { token: await createSession(t.engineer.id, t.company.id) })).status).toBe(403);
    expect((await call(list.GET, { token: await createSession(t.client.id, t.company.id) })).status).toBe(403);
    const office = await call(list.GET, { token: await createSession(t.office.id, t.company.id) });
    expect(office.status).toBe(200);
    const res = await call(list.GET, { token: t.token });
    expect(res.json.nextCursor).toBeNull();
    expect(res.json.items.map((u: { name: string }) => u.name)).toEqual(["Cleo Client", "Erin Engineer", "Oscar Office", "Alice Admin"]);
    expect(res.json.items[0]).toMatchObject({ role: "CLIENT", status: "ACTIVE", capabilities: ["client.portal"], mfaEnabled: false });
    // Another company's people never appear.
    const other = await createCompany();
    await createUser({ companyId: other.id, role: "ADMIN", name: "Zed Elsewhere" });
    expect((await call(list.GET, { token: t.token })).json.items).toHaveLength(4);
  });

  it("filters by role, status and name/email, and pages by cursor", async () => {
    const t = await team();
    const byRole = await call(list.GET, { token: t.token, path: "/api/admin/users?role=ENGINEER" });
    expect(byRole.json.items.map((u: { name: string }) => u.name)).toEqual(["Erin Engineer"]);
    const byQ = await call(list.GET, { token: t.token, path: "/api/admin/users?q=osc" });
    expect(byQ.json.items.map((u: { name: string }) => u.name)).toEqual(["Oscar Office"]);
    await db().companyMembership.updateMany({ where: { companyId: t.company.id, userId: t.client.id }, data: { status: "DEACTIVATED" } });
    const byStatus = await call(list.GET, { token: t.token, path: "/api/admin/users?status=DEACTIVATED" });
    expect(byStatus.json.items.map((u: { name: string }) => u.name)).toEqual(["Cleo Client"]);
    const p1 = await call(list.GET, { token: t.token, path: "/api/admin/users?limit=3" });
    expect(p1.json.items).toHaveLength(3);
    const p2 = await call(list.GET, { token: t.token, path: `/api/admin/users?limit=3&cursor=${p1.json.nextCursor}` });
    expect(p2.json.items.map((u: { name: string }) => u.name)).toEqual(["Alice Admin"]);
    expect(p2.json.nextCursor).toBeNull();
    expect((await call(list.GET, { token: t.token, path: "/api/admin/users?role=BOSS" })).status).toBe(400);
  });
});

describe("managing a user", () => {
  it("changes a role (their sessions here end, audited) and grants/revokes capabilities", async () => {
    const t = await team();
    const engineerToken = await createSession(t.engineer.id, t.company.id);
    const res = await call(one.PATCH, { token: t.token, params: { id: t.engineer.id }, headers: ORIGIN, body: { role: "OFFICE" } });
    expect(res.status).toBe(200);
    expect(res.json.role).toBe("OFFICE");
    expect((await call(list.GET, { token: engineerToken })).status).toBe(401);
    const roleEvent = await db().auditEvent.findFirstOrThrow({ where: { companyId: t.company.id, action: "user.role_changed" } });
    expect([roleEvent.before, roleEvent.after, roleEvent.actorId]).toEqual([{ role: "ENGINEER" }, { role: "OFFICE" }, t.admin.id]);

    const caps = await call(one.PATCH, { token: t.token, params: { id: t.office.id }, headers: ORIGIN, body: { grantedCapabilities: ["billing.view", "reports.view"], revokedCapabilities: ["invoices.manage"] } });
    expect(caps.status).toBe(200);
    // reports.view is already in the role: only real overrides are stored.
    expect(caps.json.grantedCapabilities).toEqual(["billing.view"]);
    expect(caps.json.revokedCapabilities).toEqual(["invoices.manage"]);
    expect(caps.json.capabilities).toContain("billing.view");
    expect(caps.json.capabilities).not.toContain("invoices.manage");
    const officeToken = await createSession(t.office.id, t.company.id);
    expect((await call(company.PATCH, { token: officeToken, headers: ORIGIN, body: { paymentTermsDays: 10 } })).status).toBe(403);
    expect(await db().auditEvent.count({ where: { companyId: t.company.id, action: "user.capabilities_changed" } })).toBe(1);
  });

  it("never grants a never-grantable capability, or one the admin lacks; nobody edits themselves; the last admin stays", async () => {
    const t = await team();
    const bad = await call(one.PATCH, { token: t.token, params: { id: t.engineer.id }, headers: ORIGIN, body: { grantedCapabilities: ["users.impersonate"] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.grantedCapabilities).toMatch(/users.impersonate/);
    const client = await call(one.PATCH, { token: t.token, params: { id: t.client.id }, headers: ORIGIN, body: { grantedCapabilities: ["invoices.view"] } });
    expect(client.status).toBe(400);
    const unknown = await call(one.PATCH, { token: t.token, params: { id: t.office.id }, headers: ORIGIN, body: { grantedCapabilities: ["root.everything"] } });
    expect(unknown.status).toBe(400);
    const self = await call(one.PATCH, { token: t.token, params: { id: t.admin.id }, headers: ORIGIN, body: { role: "OFFICE" } });
    expect(self.status).toBe(409);
    // An office user granted users.manage cannot hand out what they don't hold, nor touch an admin.
    await db().companyMembership.updateMany({ where: { companyId: t.company.id, userId: t.office.id }, data: { grantedCapabilities: ["users.manage"] } });
    const officeToken = await createSession(t.office.id, t.company.id);
    const escalate = await call(one.PATCH, { token: officeToken, params: { id: t.engineer.id }, headers: ORIGIN, body: { role: "OFFICE", grantedCapabilities: ["billing.manage"] } });
    expect(escalate.status).toBe(403);
    expect((await call(one.PATCH, { token: officeToken, params: { id: t.admin.id }, headers: ORIGIN, body: { role: "OFFICE" } })).status).toBe(403);
    expect((await call(deactivate.POST, { token: officeToken, params: { id: t.admin.id }, headers: ORIGIN })).status).toBe(403);
    // Admins can change other admins (a second admin demotes the first; the demotion ends their sessions).
    const second = await createUser({ companyId: t.company.id, role: "ADMIN" });
    const secondToken = await createSession(second.id, t.company.id);
    expect((await call(one.PATCH, { token: secondToken, params: { id: t.admin.id }, headers: ORIGIN, body: { role: "OFFICE" } })).status).toBe(200);
    expect((await call(list.GET, { token: t.token })).status).toBe(401);
  });

  it("deactivation ends that user's sessions in this company only; reactivation lets them back", async () => {
    const t = await team();
    const elsewhere = await createCompany();
    await db().companyMembership.create({ data: { companyId: elsewhere.id, userId: t.office.id, role: "ADMIN" } });
    const here = await createSession(t.office.id, t.company.id);
    const there = await createSession(t.office.id, elsewhere.id);
    const res = await call(deactivate.POST, { token: t.token, params: { id: t.office.id }, headers: ORIGIN });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("DEACTIVATED");
    expect((await call(list.GET, { token: here })).status).toBe(401);
    expect((await call(list.GET, { token: there })).status).toBe(200);
    const event = await db().auditEvent.findFirstOrThrow({ where: { companyId: t.company.id, action: "user.deactivated" } });
    expect(event.metadata).toEqual({ sessionsEnded: 1 });
    // A deactivated member's fresh session has no company access.
    expect((await call(list.GET, { token: await createSession(t.office.id, t.company.id) })).status).toBe(403);
    const back = await call(reactivate.POST, { token: t.token, params: { id: t.office.id }, headers: ORIGIN });
    expect(back.json.status).toBe("ACTIVE");
    expect((await call(list.GET, { token: await createSession(t.office.id, t.company.id) })).status).toBe(200);
  });
});

describe("cross-tenant", () => {
  it("an admin of company A gets the same 404 for company B's user as for a missing id: read, patch, deactivate, impersonate", async () => {
    const a = await team();
    const b = await team();
    const missing = "0190a0a0-0000-7000-8000-000000000000";
    for (const id of [b.office.id, missing]) {
      const get = await call(one.GET, { token: a.token, params: { id } });
      const patch = await call(one.PATCH, { token: a.token, params: { id }, headers: ORIGIN, body: { role: "CLIENT" } });
      const off = await call(deactivate.POST, { token: a.token, params: { id }, headers: ORIGIN });
      const imp = await call(impersonate.POST, { token: a.token, params: { id }, headers: ORIGIN });
      expect([get.status, patch.status, off.status, imp.status]).toEqual([404, 404, 404, 404]);
      expect(get.text).toBe(patch.text);
    }
    const untouched = await db().companyMembership.findFirstOrThrow({ where: { companyId: b.company.id, userId: b.office.id } });
    expect([untouched.role, untouched.status]).toEqual(["OFFICE", "ACTIVE"]);
    expect(await db().session.count({ where: { userId: b.office.id } })).toBe(0);
  });
});
