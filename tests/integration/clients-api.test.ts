import { describe, expect, it } from "vitest";
import * as clients from "../../app/api/admin/clients/route.ts";
import * as one from "../../app/api/admin/clients/[id]/route.ts";
import * as archive from "../../app/api/admin/clients/[id]/archive/route.ts";
import * as restore from "../../app/api/admin/clients/[id]/restore/route.ts";
import * as contacts from "../../app/api/admin/clients/[id]/contacts/route.ts";
import * as contact from "../../app/api/admin/clients/[id]/contacts/[contactId]/route.ts";
import * as contactDelete from "../../app/api/admin/clients/[id]/contacts/[contactId]/delete/route.ts";
import * as sites from "../../app/api/admin/clients/[id]/sites/route.ts";
import * as site from "../../app/api/admin/clients/[id]/sites/[siteId]/route.ts";
import * as siteArchive from "../../app/api/admin/clients/[id]/sites/[siteId]/archive/route.ts";
import * as notes from "../../app/api/admin/clients/[id]/notes/route.ts";
import { clientTimeline } from "@/modules/clients/client-timeline.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { call } from "../support/http.ts";
import { createSession, createUser, tenantWithAdmin } from "../support/factories.ts";

const headers = { origin: "http://localhost:3000" };

async function staff(role: "ADMIN" | "OFFICE" = "OFFICE") {
  const t = await tenantWithAdmin(role);
  return { ...t, token: await createSession(t.user.id, t.company.id) };
}

async function newClient(token: string, body: Record<string, unknown> = {}) {
  const res = await call(clients.POST, { token, headers, body: { name: "Jane Doe", ...body } });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; name: string };
}

async function searchText(id: string) {
  return (await unsafeUnscopedDb().client.findUniqueOrThrow({ where: { id } })).searchText;
}

describe("clients CRUD", () => {
  it("creates, reads, updates (auditing only changed fields), archives and restores a client", async () => {
    const a = await staff();
    const created = await newClient(a.token, { kind: "ORGANISATION", name: "Acme Lettings", email: "Office@Acme.test", phone: "0161 496 0000", tags: "Landlord, repeat", paymentTermsDays: "14" });
    expect(created).toMatchObject({ kind: "ORGANISATION", email: "office@acme.test", tags: ["landlord", "repeat"], paymentTermsDays: 14, contacts: [], sites: [], archivedAt: null });

    const got = await call(one.GET, { token: a.token, params: { id: created.id } });
    expect(got.json.name).toBe("Acme Lettings");

    const patched = await call(one.PATCH, { token: a.token, headers, params: { id: created.id }, body: { name: "Acme Lettings Ltd", email: "office@acme.test", paymentTermsDays: "" } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: "Acme Lettings Ltd", paymentTermsDays: null });

    const bad = await call(one.PATCH, { token: a.token, headers, params: { id: created.id }, body: { email: "not-an-email", kind: "ALIEN" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["email", "kind"]);

    expect((await call(archive.POST, { token: a.token, headers, params: { id: created.id } })).json.archivedAt).not.toBeNull();
    const listed = await call(clients.GET, { token: a.token });
    expect(listed.json.items.map((c: { id: string }) => c.id)).not.toContain(created.id);
    const withArchived = await call(clients.GET, { token: a.token, path: "/api/admin/clients?archived=include" });
    expect(withArchived.json.items.map((c: { id: string }) => c.id)).toContain(created.id);
    const onlyArchived = await call(clients.GET, { token: a.token, path: "/api/admin/clients?archived=only" });
    expect(onlyArchived.json.items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect((await call(restore.POST, { token: a.token, headers, params: { id: created.id } })).json.archivedAt).toBeNull();
    expect((await call(clients.GET, { token: a.token })).json.items.map((c: { id: string }) => c.id)).toContain(created.id);

    const events = await a.ctx.db.auditEvent.findMany({ where: { entityType: "Client", entityId: created.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["client.created", "client.updated", "client.archived", "client.restored"]);
    expect(events[1]!.before).toEqual({ name: "Acme Lettings", paymentTermsDays: 14 });
    expect(events[1]!.after).toEqual({ name: "Acme Lettings Ltd", paymentTermsDays: null });
    expect(events[1]!.actorId).toBe(a.user.id);
  });

  it("maintains searchText through contacts and sites; finds by postcode with or without the space", async () => {
    const a = await staff();
    const c = await newClient(a.token, { name: "Mr Brian Ashworth", email: "brian@example.test" });
    const s = await call(sites.POST, { token: a.token, headers, params: { id: c.id }, body: { label: "Home", addressLine1: "14 Ancoats Street", town: "Manchester", postcode: "m46bf", accessNotes: "Key safe 1234" } });
    expect(s.status).toBe(201);
    expect(s.json.postcode).toBe("M4 6BF");
    const ct = await call(contacts.POST, { token: a.token, headers, params: { id: c.id }, body: { name: "Linda Ashworth", email: "Linda@Example.test", receivesInvoices: false } });
    expect(ct.status).toBe(201);
    expect(ct.json).toMatchObject({ email: "linda@example.test", receivesQuotes: true, receivesInvoices: false });
    expect(await searchText(c.id)).toContain("m4 6bf");
    expect(await searchText(c.id)).toContain("linda@example.test");

    for (const q of ["M46BF", "m4 6bf", "Linda@example", "ashworth", "brian@"]) {
      const res = await call(clients.GET, { token: a.token, path: `/api/admin/clients?q=${encodeURIComponent(q)}` });
      expect(res.json.items.map((x: { id: string }) => x.id), q).toEqual([c.id]);
    }
    const listed = (await call(clients.GET, { token: a.token })).json.items[0];
    expect(listed).toMatchObject({ id: c.id, siteCount: 1, postcodes: ["M4 6BF"], primaryContact: { name: "Linda Ashworth" } });

    // Archive the site and remove the contact: search forgets them.
    expect((await call(siteArchive.POST, { token: a.token, headers, params: { id: c.id, siteId: s.json.id } })).json.archivedAt).not.toBeNull();
    expect((await call(contactDelete.POST, { token: a.token, headers, params: { id: c.id, contactId: ct.json.id } })).json).toEqual({ deleted: true });
    expect(await searchText(c.id)).toBe("mr brian ashworth brian@example.test");
    expect((await call(clients.GET, { token: a.token, path: "/api/admin/clients?q=M46BF" })).json.items).toEqual([]);
    expect((await call(sites.GET, { token: a.token, params: { id: c.id } })).json.items[0].archivedAt).not.toBeNull();

    // Updating a site's postcode updates the search, in the same transaction as the audit event.
    const s2 = await call(sites.POST, { token: a.token, headers, params: { id: c.id }, body: { addressLine1: "2 Kirkgate", town: "Leeds", postcode: "LS2 7DJ" } });
    const moved = await call(site.PATCH, { token: a.token, headers, params: { id: c.id, siteId: s2.json.id }, body: { postcode: "ls1 4ap" } });
    expect(moved.json.postcode).toBe("LS1 4AP");
    expect(await searchText(c.id)).toContain("ls14ap");
    expect(await searchText(c.id)).not.toContain("ls2");
    const badPostcode = await call(site.PATCH, { token: a.token, headers, params: { id: c.id, siteId: s2.json.id }, body: { postcode: "12345" } });
    expect(badPostcode.status).toBe(400);
    expect(badPostcode.json.error.fields.postcode).toMatch(/UK postcode/);

    const actions = (await a.ctx.db.auditEvent.findMany({ where: { entityType: "Client", entityId: c.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["client.created", "client.site_added", "client.contact_added", "client.site_archived", "client.contact_removed", "client.site_added", "client.site_updated"]);
  });

  it("updates a contact and adds notes; the timeline merges events and notes newest first", async () => {
    const a = await staff();
    const c = await newClient(a.token);
    const ct = await call(contacts.POST, { token: a.token, headers, params: { id: c.id }, body: { name: "Sam", role: "Tenant" } });
    const upd = await call(contact.PATCH, { token: a.token, headers, params: { id: c.id, contactId: ct.json.id }, body: { phone: "07700 900123", receivesQuotes: "false" } });
    expect(upd.json).toMatchObject({ phone: "07700 900123", receivesQuotes: false, role: "Tenant" });
    const n = await call(notes.POST, { token: a.token, headers, params: { id: c.id }, body: { body: "Prefers morning visits." } });
    expect(n.status).toBe(201);
    expect(n.json.author.name).toBe(a.user.name);
    expect((await call(notes.POST, { token: a.token, headers, params: { id: c.id }, body: { body: "  " } })).status).toBe(400);
    expect((await call(notes.GET, { token: a.token, params: { id: c.id } })).json.items.map((x: { body: string }) => x.body)).toEqual(["Prefers morning visits."]);

    const timeline = await clientTimeline(a.ctx, c.id);
    expect(timeline.map((t) => (t.kind === "note" ? `note:${t.note.body}` : t.kind === "event" ? t.event.action : t.id))).toEqual([
      "note:Prefers morning visits.",
      "client.contact_updated",
      "client.contact_added",
      "client.created",
    ]);
  });
});

describe("list filters and pagination", () => {
  it("filters by tag and pages newest first with a cursor", async () => {
    const a = await staff();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await newClient(a.token, { name: `Client ${i}`, tags: i % 2 ? ["landlord"] : ["domestic"] })).id);
    const p1 = await call(clients.GET, { token: a.token, path: "/api/admin/clients?limit=2" });
    expect(p1.json.items.map((c: { id: string }) => c.id)).toEqual([made[4], made[3]]);
    const p2 = await call(clients.GET, { token: a.token, path: `/api/admin/clients?limit=2&cursor=${p1.json.nextCursor}` });
    expect(p2.json.items.map((c: { id: string }) => c.id)).toEqual([made[2], made[1]]);
    const p3 = await call(clients.GET, { token: a.token, path: `/api/admin/clients?limit=2&cursor=${p2.json.nextCursor}` });
    expect(p3.json).toEqual({ items: [expect.objectContaining({ id: made[0] })], nextCursor: null });
    const tagged = await call(clients.GET, { token: a.token, path: "/api/admin/clients?tag=Landlord" });
    expect(tagged.json.items.map((c: { id: string }) => c.id)).toEqual([made[3], made[1]]);
    expect((await call(clients.GET, { token: a.token, path: "/api/admin/clients?archived=maybe" })).status).toBe(400);
  });
});

describe("isolation", () => {
  it("another company's client, contact or site is the same 404 as a missing one, on every route", async () => {
    const a = await staff();
    const b = await staff("ADMIN");
    const theirs = await newClient(b.token, { name: "B's client", email: "secret@b.test" });
    const theirContact = (await call(contacts.POST, { token: b.token, headers, params: { id: theirs.id }, body: { name: "B contact" } })).json;
    const theirSite = (await call(sites.POST, { token: b.token, headers, params: { id: theirs.id }, body: { addressLine1: "1 B St", town: "Bristol", postcode: "BS1 4DJ" } })).json;
    const missing = "0190a0a0-0000-7000-8000-000000000000";

    const probes = (id: string, contactId: string, siteId: string) => [
      call(one.GET, { token: a.token, params: { id } }),
      call(one.PATCH, { token: a.token, headers, params: { id }, body: { name: "Mine now" } }),
      call(archive.POST, { token: a.token, headers, params: { id } }),
      call(restore.POST, { token: a.token, headers, params: { id } }),
      call(contacts.GET, { token: a.token, params: { id } }),
      call(contacts.POST, { token: a.token, headers, params: { id }, body: { name: "Intruder" } }),
      call(contact.PATCH, { token: a.token, headers, params: { id, contactId }, body: { name: "Intruder" } }),
      call(contactDelete.POST, { token: a.token, headers, params: { id, contactId } }),
      call(sites.GET, { token: a.token, params: { id } }),
      call(sites.POST, { token: a.token, headers, params: { id }, body: { addressLine1: "x", town: "y", postcode: "M4 6BF" } }),
      call(site.PATCH, { token: a.token, headers, params: { id, siteId }, body: { town: "Nowhere" } }),
      call(siteArchive.POST, { token: a.token, headers, params: { id, siteId } }),
      call(notes.GET, { token: a.token, params: { id } }),
      call(notes.POST, { token: a.token, headers, params: { id }, body: { body: "hi" } }),
    ];
    const foreign = await Promise.all(probes(theirs.id, theirContact.id, theirSite.id));
    const absent = await Promise.all(probes(missing, missing, missing));
    foreign.forEach((r, i) => {
      expect(r.status, `probe ${i}: ${r.text}`).toBe(404);
      expect(r.text).toBe(absent[i]!.text);
    });
    expect((await call(clients.GET, { token: a.token, path: "/api/admin/clients?q=secret" })).json.items).toEqual([]);

    // Nothing changed in company B.
    const still = await call(one.GET, { token: b.token, params: { id: theirs.id } });
    expect(still.json).toMatchObject({ name: "B's client", archivedAt: null, contacts: [{ name: "B contact" }], sites: [{ town: "Bristol" }] });
  });

  it("a contact or site of another client in the same company is a 404 through this client", async () => {
    const a = await staff();
    const c1 = await newClient(a.token, { name: "One" });
    const c2 = await newClient(a.token, { name: "Two" });
    const ct = (await call(contacts.POST, { token: a.token, headers, params: { id: c2.id }, body: { name: "Two's contact" } })).json;
    const st = (await call(sites.POST, { token: a.token, headers, params: { id: c2.id }, body: { addressLine1: "2 Two St", town: "Leeds", postcode: "LS2 7DJ" } })).json;
    expect((await call(contact.PATCH, { token: a.token, headers, params: { id: c1.id, contactId: ct.id }, body: { name: "x" } })).status).toBe(404);
    expect((await call(contactDelete.POST, { token: a.token, headers, params: { id: c1.id, contactId: ct.id } })).status).toBe(404);
    expect((await call(site.PATCH, { token: a.token, headers, params: { id: c1.id, siteId: st.id }, body: { town: "x" } })).status).toBe(404);
    expect((await call(siteArchive.POST, { token: a.token, headers, params: { id: c1.id, siteId: st.id } })).status).toBe(404);
    expect((await call(one.GET, { token: a.token, params: { id: c2.id } })).json.contacts[0].name).toBe("Two's contact");
  });
});

describe("permissions", () => {
  it("engineers and clients get 403 on reads and writes; office staff manage", async () => {
    const a = await staff();
    const c = await newClient(a.token);
    for (const role of ["ENGINEER", "CLIENT"] as const) {
      const u = await createUser({ companyId: a.company.id, role });
      const token = await createSession(u.id, a.company.id);
      expect((await call(clients.GET, { token })).status).toBe(403);
      expect((await call(one.GET, { token, params: { id: c.id } })).status).toBe(403);
      expect((await call(clients.POST, { token, headers, body: { name: "x" } })).status).toBe(403);
      expect((await call(notes.POST, { token, headers, params: { id: c.id }, body: { body: "x" } })).status).toBe(403);
    }
    expect((await call(clients.GET, {})).status).toBe(401);
  });
});
