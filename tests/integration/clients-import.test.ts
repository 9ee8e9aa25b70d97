import { describe, expect, it } from "vitest";
import * as clients from "../../app/api/admin/clients/route.ts";
import * as importRoute from "../../app/api/admin/clients/import/route.ts";
import * as preview from "../../app/api/admin/clients/import/preview/route.ts";
import { call } from "../support/http.ts";
import { createSession, createUser, tenantWithAdmin } from "../support/factories.ts";

const headers = { origin: "http://localhost:3000" };

async function office() {
  const t = await tenantWithAdmin("OFFICE");
  return { ...t, token: await createSession(t.user.id, t.company.id) };
}

const CSV = [
  "\uFEFFClient Name,Type,E-mail,Phone,Tags,Site,Address Line 1,Address Line 2,Town,Post Code,Access notes,Contact name,Contact email,Contact phone",
  '"Hughes, Mary",person,mary@example.test,0161 496 0001,domestic;repeat,Home,"12 Oak Road","",Manchester,m46bf,"Key safe 1234, side gate",,,',
  '"Acme ""Best"" Lettings",organisation,office@acme.test,,landlord,Flat 2,"3 Elm St",,Leeds,LS2 7DJ,,Jo Smith,jo@acme.test,07700 900123',
  "Bad Row,person,not-an-email,,,,1 High St,,Bristol,ZZ1,,,,",
  "Existing Person,person,taken@example.test,,,,,,,,,,,",
  "Twin,person,office@acme.test,,,,,,,,,,,",
].join("\r\n");

describe("CSV import", () => {
  it("previews each row (quoted fields, BOM, CRLF), with errors by field and duplicates, without writing anything", async () => {
    const a = await office();
    await call(clients.POST, { token: a.token, headers, body: { name: "Already here", email: "taken@example.test" } });
    const res = await call(preview.POST, { token: a.token, headers, body: { csv: CSV } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.counts).toEqual({ total: 5, valid: 2, invalid: 1, duplicates: 2 });
    const [mary, acme, bad, existing, twin] = res.json.rows;
    expect(mary).toMatchObject({ row: 2, ok: true, client: { name: "Hughes, Mary", kind: "PERSON", tags: ["domestic", "repeat"], site: { postcode: "M4 6BF", accessNotes: "Key safe 1234, side gate" } } });
    expect(acme).toMatchObject({ row: 3, ok: true, client: { name: 'Acme "Best" Lettings', kind: "ORGANISATION", contact: { name: "Jo Smith", email: "jo@acme.test" } } });
    expect(bad).toMatchObject({ row: 4, ok: false, duplicate: false });
    expect(Object.keys(bad.errors).sort()).toEqual(["email", "postcode"]);
    expect(existing).toMatchObject({ ok: false, duplicate: true, errors: { email: "A client with this email already exists" } });
    expect(twin).toMatchObject({ ok: false, duplicate: true });
    expect(await a.ctx.db.client.count()).toBe(1);
  });

  it("imports the valid rows in one go, searchable, audited once plus one event per client", async () => {
    const a = await office();
    await call(clients.POST, { token: a.token, headers, body: { name: "Already here", email: "taken@example.test" } });
    const res = await call(importRoute.POST, { token: a.token, headers, body: { csv: CSV } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ imported: 2, invalid: 1, duplicates: 2 });
    const found = await call(clients.GET, { token: a.token, path: "/api/admin/clients?q=M46BF" });
    expect(found.json.items.map((c: { name: string }) => c.name)).toEqual(["Hughes, Mary"]);
    const acme = await call(clients.GET, { token: a.token, path: "/api/admin/clients?q=jo%40acme.test" });
    expect(acme.json.items[0]).toMatchObject({ name: 'Acme "Best" Lettings', primaryContact: { name: "Jo Smith" }, siteCount: 1 });
    const events = await a.ctx.db.auditEvent.findMany({ where: { action: { in: ["clients.imported", "client.created"] } }, orderBy: { id: "asc" } });
    expect(events.filter((e) => e.action === "client.created")).toHaveLength(3);
    const summary = events.filter((e) => e.action === "clients.imported");
    expect(summary).toHaveLength(1);
    expect(summary[0]!.after).toEqual({ imported: 2, invalid: 1, duplicates: 2 });

    // Importing the same file again creates nothing new: every row is now a duplicate or invalid.
    const again = await call(importRoute.POST, { token: a.token, headers, body: { csv: CSV } });
    expect(again.json).toMatchObject({ imported: 0, duplicates: 4, invalid: 1 });
    expect(await a.ctx.db.client.count()).toBe(3);
  });

  it("refuses more than 5,000 rows, a file without a name column, an unclosed quote and an oversized body", async () => {
    const a = await office();
    const big = ["name", ...Array.from({ length: 5001 }, (_, i) => `Client ${i}`)].join("\n");
    const tooMany = await call(importRoute.POST, { token: a.token, headers, body: { csv: big } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.error.fields.csv).toMatch(/5,000/);
    expect(await a.ctx.db.client.count()).toBe(0);
    expect((await call(preview.POST, { token: a.token, headers, body: { csv: "email\nx@y.test" } })).json.error.fields.csv).toMatch(/Name/);
    expect((await call(preview.POST, { token: a.token, headers, body: { csv: 'name\n"never closed' } })).status).toBe(422);
    expect((await call(preview.POST, { token: a.token, headers, body: { csv: "x".repeat(2 * 1024 * 1024 + 1) } })).status).toBe(400);
  });

  it("is refused to engineers", async () => {
    const a = await office();
    const u = await createUser({ companyId: a.company.id, role: "ENGINEER" });
    const token = await createSession(u.id, a.company.id);
    expect((await call(preview.POST, { token, headers, body: { csv: CSV } })).status).toBe(403);
  });
});
