import { describe, expect, it } from "vitest";
import * as companyRoute from "../../app/api/admin/company/route.ts";
import * as auditList from "../../app/api/admin/audit-events/route.ts";
import * as auditOne from "../../app/api/admin/audit-events/[id]/route.ts";
import * as openapi from "../../app/api/openapi.json/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { call } from "../support/http.ts";
import { createCompany, createSession, createUser, tenantWithAdmin } from "../support/factories.ts";

async function signedIn(role: "ADMIN" | "OFFICE" | "ENGINEER" | "CLIENT" = "ADMIN") {
  const t = await tenantWithAdmin(role);
  return { ...t, token: await createSession(t.user.id, t.company.id) };
}

describe("route wrapper", () => {
  it("401 without a session, 403 without the capability, 200 with it", async () => {
    expect((await call(companyRoute.GET)).status).toBe(401);
    const engineer = await signedIn("ENGINEER");
    const refused = await call(companyRoute.GET, { token: engineer.token });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("FORBIDDEN");
    const admin = await signedIn("ADMIN");
    const ok = await call(companyRoute.GET, { token: admin.token });
    expect(ok.status).toBe(200);
    expect(ok.json.id).toBe(admin.company.id);
    expect(ok.headers.get("x-request-id")).toMatch(/[0-9a-f-]{36}/);
  });

  it("a revoked or expired session is anonymous", async () => {
    const admin = await signedIn();
    await unsafeUnscopedDb().session.updateMany({ where: { userId: admin.user.id }, data: { revokedAt: new Date() } });
    expect((await call(companyRoute.GET, { token: admin.token })).status).toBe(401);
    const again = await signedIn();
    await unsafeUnscopedDb().session.updateMany({ where: { userId: again.user.id }, data: { idleExpiresAt: new Date(Date.now() - 1000) } });
    expect((await call(companyRoute.GET, { token: again.token })).status).toBe(401);
  });

  it("a suspended company's users are refused with a clear message", async () => {
    const admin = await signedIn();
    await unsafeUnscopedDb().company.update({ where: { id: admin.company.id }, data: { status: "SUSPENDED" } });
    const res = await call(companyRoute.GET, { token: admin.token });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/suspended/i);
  });

  it("malformed JSON and wrong types are 400 with field errors", async () => {
    const admin = await signedIn();
    const origin = { origin: "http://localhost:3000" };
    const bad = await call(companyRoute.PATCH, { token: admin.token, rawBody: "{not json", headers: { ...origin, "content-type": "application/json" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/not valid JSON/);
    const wrong = await call(companyRoute.PATCH, {
      token: admin.token,
      headers: origin,
      body: { paymentTermsDays: "soon", brandPrimaryColor: "blue", vatNumber: "123", surprise: 1 },
    });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.json.error.fields).sort()).toEqual(["_", "brandPrimaryColor", "paymentTermsDays", "vatNumber"].sort());
    expect(wrong.json.error.fields.brandPrimaryColor).toBe("Use a colour like #1d4ed8");
    expect(JSON.stringify(wrong.json)).not.toMatch(/at .*\.ts/); // no stack traces
  });

  it("refuses a cross-site mutation (CSRF) and accepts the same request from our origin", async () => {
    const admin = await signedIn();
    const evil = await call(companyRoute.PATCH, { token: admin.token, body: { name: "Evil Ltd" }, headers: { origin: "https://evil.example" } });
    expect(evil.status).toBe(403);
    const site = await call(companyRoute.PATCH, { token: admin.token, body: { name: "Evil Ltd" }, headers: { "sec-fetch-site": "cross-site" } });
    expect(site.status).toBe(403);
    const company = await unsafeUnscopedDb().company.findUniqueOrThrow({ where: { id: admin.company.id } });
    expect(company.name).not.toBe("Evil Ltd");
    const ok = await call(companyRoute.PATCH, { token: admin.token, body: { name: "Good Ltd" }, headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } });
    expect(ok.status).toBe(200);
    expect(ok.json.name).toBe("Good Ltd");
  });
});

describe("company settings + audit API", () => {
  it("an update is audited with before/after of the changed fields only, and listed newest first", async () => {
    const admin = await signedIn();
    const headers = { origin: "http://localhost:3000" };
    await call(companyRoute.PATCH, { token: admin.token, headers, body: { paymentTermsDays: 14, name: admin.company.name } });
    await call(companyRoute.PATCH, { token: admin.token, headers, body: { brandPrimaryColor: "#aa0000" } });
    const list = await call(auditList.GET, { token: admin.token, path: `/api/admin/audit-events?entityType=Company&entityId=${admin.company.id}` });
    expect(list.status).toBe(200);
    expect(list.json.items.map((e: { action: string }) => e.action)).toEqual(["company.settings_updated", "company.settings_updated"]);
    const [newest, older] = list.json.items;
    expect(newest.after).toEqual({ brandPrimaryColor: "#aa0000" });
    expect(older.before).toEqual({ paymentTermsDays: 30 });
    expect(older.after).toEqual({ paymentTermsDays: 14 });
    expect(older.actor).toEqual({ id: admin.user.id, name: admin.user.name });
    expect(older.requestId).toBeTruthy();
  });

  it("an unchanged update writes no audit event", async () => {
    const admin = await signedIn();
    await call(companyRoute.PATCH, { token: admin.token, headers: { origin: "http://localhost:3000" }, body: { paymentTermsDays: 30 } });
    expect(await admin.ctx.db.auditEvent.count()).toBe(0);
  });

  it("paginates by cursor", async () => {
    const admin = await signedIn();
    for (let i = 0; i < 5; i++) await admin.ctx.db.auditEvent.create({ data: { companyId: admin.company.id, entityType: "Thing", entityId: `t${i}`, action: "thing.made" } });
    const first = await call(auditList.GET, { token: admin.token, path: "/api/admin/audit-events?limit=2" });
    expect(first.json.items.map((e: { entityId: string }) => e.entityId)).toEqual(["t4", "t3"]);
    const second = await call(auditList.GET, { token: admin.token, path: `/api/admin/audit-events?limit=2&cursor=${first.json.nextCursor}` });
    expect(second.json.items.map((e: { entityId: string }) => e.entityId)).toEqual(["t2", "t1"]);
    const third = await call(auditList.GET, { token: admin.token, path: `/api/admin/audit-events?limit=2&cursor=${second.json.nextCursor}` });
    expect(third.json.items.map((e: { entityId: string }) => e.entityId)).toEqual(["t0"]);
    expect(third.json.nextCursor).toBeNull();
    const badLimit = await call(auditList.GET, { token: admin.token, path: "/api/admin/audit-events?limit=5000" });
    expect(badLimit.status).toBe(400);
    expect(badLimit.json.error.fields.limit).toBeTruthy();
  });

  it("another tenant's id and a missing id give the same 404 body", async () => {
    const admin = await signedIn();
    const other = await createCompany();
    const otherUser = await createUser({ companyId: other.id });
    const foreign = await unsafeUnscopedDb().auditEvent.create({ data: { companyId: other.id, actorId: otherUser.id, entityType: "Secret", action: "secret.made" } });
    const own = await admin.ctx.db.auditEvent.create({ data: { companyId: admin.company.id, entityType: "Mine", action: "mine.made" } });
    const ok = await call(auditOne.GET, { token: admin.token, params: { id: own.id } });
    expect(ok.status).toBe(200);
    const a = await call(auditOne.GET, { token: admin.token, params: { id: foreign.id } });
    const b = await call(auditOne.GET, { token: admin.token, params: { id: "0190a0a0-0000-7000-8000-000000000000" } });
    const c = await call(auditOne.GET, { token: admin.token, params: { id: "not-a-uuid" } });
    expect([a.status, b.status, c.status]).toEqual([404, 404, 404]);
    expect(a.text).toBe(b.text);
    expect(b.text).toBe(c.text);
    const list = await call(auditList.GET, { token: admin.token, path: "/api/admin/audit-events?entityType=Secret" });
    expect(list.json.items).toEqual([]);
  });
});

describe("OpenAPI document", () => {
  it("requires sign-in and describes every operation with schemas", async () => {
    expect((await call(openapi.GET)).status).toBe(401);
    const admin = await signedIn("ENGINEER");
    const res = await call(openapi.GET, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const list = res.json.paths["/api/admin/audit-events"].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["cursor", "limit", "entityType"]));
    expect(list.responses["200"].content["application/json"].schema.properties.nextCursor).toBeTruthy();
    const patch = res.json.paths["/api/admin/company"].patch;
    expect(patch.requestBody.content["application/json"].schema.properties.paymentTermsDays).toBeTruthy();
    expect(patch.description).toMatch(/settings\.manage/);
    expect(res.json.paths["/api/admin/audit-events/{id}"].get.parameters[0]).toMatchObject({ name: "id", in: "path", required: true });
  });
});
