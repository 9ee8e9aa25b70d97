import { describe, expect, it } from "vitest";
import * as invitations from "../../app/api/admin/invitations/route.ts";
import * as revoke from "../../app/api/admin/invitations/[id]/revoke/route.ts";
import * as accept from "../../app/api/auth/invitations/accept/route.ts";
import * as users from "../../app/api/admin/users/route.ts";
import { openSecret } from "@/server/auth/secret-box.ts";
import { SEALED_PROPS_PURPOSE } from "@/server/email/queue-email.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { call } from "../support/http.ts";
import { createCompany, createSession, createUser } from "../support/factories.ts";
import { ORIGIN, asBrowser, cookieValue, passwordStep } from "../support/identity.ts";

const db = () => unsafeUnscopedDb();

async function admin() {
  const company = await createCompany({ name: "Invite Co" });
  const user = await createUser({ companyId: company.id, role: "ADMIN", name: "Ivy Admin" });
  return { company, user, token: await createSession(user.id, company.id) };
}

/** The link the invitation email carries (sealed in the outbox; opened here as the worker would). */
async function linkTokenFor(invitationId: string) {
  const row = await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `email:invite:${invitationId}` } });
  const payload = row.payload as { sealedProps: string; props: Record<string, unknown>; template: string; to: string[] };
  const { url } = JSON.parse(openSecret(payload.sealedProps, SEALED_PROPS_PURPOSE)) as { url: string };
  return { token: url.split("/invite/")[1]!, url, payload };
}

describe("invitations", () => {
  it("an admin invites by email: a 7-day token, an email in the outbox (link sealed), audited; the person sets a password and lands signed in", async () => {
    const a = await admin();
    const res = await call(invitations.POST, { token: a.token, headers: ORIGIN, body: { name: "Nina New", email: "Nina.New@Example.test", role: "ENGINEER" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ email: "nina.new@example.test", role: "ENGINEER" });
    const days = (new Date(res.json.expiresAt).getTime() - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const { token, url, payload } = await linkTokenFor(res.json.id);
    expect(url).toBe(`http://localhost:3000/invite/${token}`);
    expect(payload.template).toBe("auth.invite");
    expect(payload.to).toEqual(["nina.new@example.test"]);
    expect(payload.props).toMatchObject({ inviterName: "Ivy Admin", companyName: "Invite Co", role: "ENGINEER", days: 7 });
    expect(JSON.stringify(payload)).not.toContain(token);
    expect(await db().auditEvent.count({ where: { companyId: a.company.id, action: "user.invited" } })).toBe(1);
    const listed = await call(invitations.GET, { token: a.token });
    expect(listed.json.items.map((i: { email: string }) => i.email)).toEqual(["nina.new@example.test"]);

    const weak = await call(accept.POST, { headers: asBrowser(), body: { token, name: "Nina New", password: "password1234", confirm: "password1234" } });
    expect(weak.status).toBe(400);
    const ok = await call(accept.POST, { headers: asBrowser(), body: { token, name: "Nina New", password: "correct horse battery", confirm: "correct horse battery" } });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ redirectTo: "/engineer" });
    const session = cookieValue(ok, "qt_session");
    expect(session).toBeTruthy();
    const user = await db().user.findUniqueOrThrow({ where: { email: "nina.new@example.test" }, include: { memberships: true } });
    expect(user.memberships.map((m) => [m.companyId, m.role])).toEqual([[a.company.id, "ENGINEER"]]);
    expect((await passwordStep("nina.new@example.test", "correct horse battery")).session).toBeTruthy();
    // Single use.
    const again = await call(accept.POST, { headers: asBrowser(), body: { token, name: "Nina New", password: "correct horse battery", confirm: "correct horse battery" } });
    expect(again.status).toBe(404);
    expect((await call(invitations.GET, { token: a.token })).json.items).toEqual([]);
  });

  it("an existing Quantract user joins without a new password and signs in as usual", async () => {
    const a = await admin();
    const other = await createCompany();
    const existing = await createUser({ companyId: other.id, role: "ADMIN" });
    const res = await call(invitations.POST, { token: a.token, headers: ORIGIN, body: { name: existing.name, email: existing.email, role: "OFFICE" } });
    const { token } = await linkTokenFor(res.json.id);
    const ok = await call(accept.POST, { headers: asBrowser(), body: { token } });
    expect(ok.json).toEqual({ redirectTo: "/login" });
    expect(cookieValue(ok, "qt_session")).toBeUndefined();
    expect(await db().companyMembership.count({ where: { userId: existing.id, status: "ACTIVE" } })).toBe(2);
    expect((await call(invitations.POST, { token: a.token, headers: ORIGIN, body: { name: existing.name, email: existing.email, role: "OFFICE" } })).status).toBe(409);
  });

  it("expired and cancelled invitations can't be used; only users.manage invites; office can't invite an admin", async () => {
    const a = await admin();
    const first = await call(invitations.POST, { token: a.token, headers: ORIGIN, body: { name: "Ex Pired", email: "expired@example.test", role: "CLIENT" } });
    const { token: expired } = await linkTokenFor(first.json.id);
    await db().authToken.update({ where: { id: first.json.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(accept.POST, { headers: asBrowser(), body: { token: expired, name: "Ex", password: "correct horse battery", confirm: "correct horse battery" } })).status).toBe(404);

    const second = await call(invitations.POST, { token: a.token, headers: ORIGIN, body: { name: "Can Celled", email: "cancelled@example.test", role: "CLIENT" } });
    const { token: cancelled } = await linkTokenFor(second.json.id);
    expect((await call(revoke.POST, { token: a.token, params: { id: second.json.id }, headers: ORIGIN })).status).toBe(204);
    expect((await call(accept.POST, { headers: asBrowser(), body: { token: cancelled, name: "Can", password: "correct horse battery", confirm: "correct horse battery" } })).status).toBe(404);
    expect(await db().user.count({ where: { email: { in: ["expired@example.test", "cancelled@example.test"] } } })).toBe(0);

    const office = await createUser({ companyId: a.company.id, role: "OFFICE" });
    const officeToken = await createSession(office.id, a.company.id);
    expect((await call(invitations.POST, { token: officeToken, headers: ORIGIN, body: { name: "No Way", email: "noway@example.test", role: "OFFICE" } })).status).toBe(403);
    expect((await call(invitations.GET, { token: officeToken })).status).toBe(200);
    await db().companyMembership.updateMany({ where: { userId: office.id }, data: { grantedCapabilities: ["users.manage"] } });
    expect((await call(invitations.POST, { token: officeToken, headers: ORIGIN, body: { name: "Big Boss", email: "boss@example.test", role: "ADMIN" } })).status).toBe(403);
  });

  it("another company's invitation can't be listed or cancelled", async () => {
    const a = await admin();
    const b = await admin();
    const inv = await call(invitations.POST, { token: b.token, headers: ORIGIN, body: { name: "Bee", email: "bee@example.test", role: "OFFICE" } });
    expect((await call(invitations.GET, { token: a.token })).json.items).toEqual([]);
    expect((await call(revoke.POST, { token: a.token, params: { id: inv.json.id }, headers: ORIGIN })).status).toBe(404);
    expect((await call(users.GET, { token: b.token })).status).toBe(200);
    expect((await call(invitations.GET, { token: b.token })).json.items).toHaveLength(1);
  });
});
