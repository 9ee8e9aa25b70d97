import { describe, expect, it } from "vitest";
import * as book from "../../app/api/admin/price-book/route.ts";
import * as one from "../../app/api/admin/price-book/[id]/route.ts";
import { call } from "../support/http.ts";
import { createSession, createUser, tenantWithAdmin } from "../support/factories.ts";

const headers = { origin: "http://localhost:3000" };

async function staff(role: "ADMIN" | "OFFICE" = "OFFICE") {
  const t = await tenantWithAdmin(role);
  return { ...t, token: await createSession(t.user.id, t.company.id) };
}

const item = { kind: "MATERIALS", description: "Consumer unit, 10-way dual RCD", unit: "each", unitPricePence: 12_500, markupBps: 2_500, vatRateBps: 2000 };

async function create(token: string, body: Record<string, unknown> = {}) {
  const res = await call(book.POST, { token, headers, body: { ...item, ...body } });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; description: string };
}

const ids = (res: { json: { items: { id: string }[] } }) => res.json.items.map((i) => i.id);

describe("price book API", () => {
  it("creates, reads, updates (auditing the changed fields) and archives an item", async () => {
    const a = await staff();
    const created = await create(a.token);
    expect(created).toMatchObject({ ...item, archivedAt: null });

    const got = await call(one.GET, { token: a.token, params: { id: created.id } });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: created.id, unitPricePence: 12_500, markupBps: 2_500, vatRateBps: 2000, unit: "each" });

    const patched = await call(one.PATCH, { token: a.token, headers, params: { id: created.id }, body: { unitPricePence: 13_000, vatRateBps: null, kind: "MATERIALS" } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toMatchObject({ unitPricePence: 13_000, vatRateBps: null });

    const archived = await call(one.DELETE, { token: a.token, headers, params: { id: created.id } });
    expect(archived.status).toBe(200);
    expect(archived.json.archivedAt).not.toBeNull();
    expect(ids(await call(book.GET, { token: a.token }))).not.toContain(created.id);
    expect(ids(await call(book.GET, { token: a.token, path: "/api/admin/price-book?archived=only" }))).toEqual([created.id]);
    // Archiving again changes nothing and records nothing.
    expect((await call(one.DELETE, { token: a.token, headers, params: { id: created.id } })).status).toBe(200);

    const events = await a.ctx.db.auditEvent.findMany({ where: { entityType: "PriceBookItem", entityId: created.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["pricebook.created", "pricebook.updated", "pricebook.archived"]);
    expect(events[1]!.before).toEqual({ unitPricePence: 12_500, vatRateBps: 2000 });
    expect(events[1]!.after).toEqual({ unitPricePence: 13_000, vatRateBps: null });
    expect(events.every((e) => e.actorId === a.user.id)).toBe(true);
  });

  it("refuses invalid input with a message per field", async () => {
    const a = await staff();
    const bad = await call(book.POST, { token: a.token, headers, body: { kind: "PLUMBING", description: " ", unitPricePence: -1, markupBps: 12.5, vatRateBps: 1750 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["description", "kind", "markupBps", "unitPricePence", "vatRateBps"]);
    const extra = await call(book.POST, { token: a.token, headers, body: { ...item, companyId: a.company.id } });
    expect(extra.status).toBe(400);
    const empty = await call(one.PATCH, { token: a.token, headers, params: { id: (await create(a.token)).id }, body: {} });
    expect(empty.status).toBe(400);
  });

  it("searches descriptions in any case and pages with a cursor", async () => {
    const a = await staff();
    const made = [];
    for (const d of ["Twin socket, white", "Downlight LED fire-rated", "Socket outlet, USB", "EICR (up to 10 circuits)"]) made.push(await create(a.token, { description: d }));
    const sockets = await call(book.GET, { token: a.token, path: "/api/admin/price-book?q=SOCKET" });
    expect(sockets.json.items.map((i: { description: string }) => i.description).sort()).toEqual(["Socket outlet, USB", "Twin socket, white"]);

    const first = await call(book.GET, { token: a.token, path: "/api/admin/price-book?limit=3" });
    expect(first.json.items).toHaveLength(3);
    expect(first.json.nextCursor).toBe(first.json.items[2].id);
    const second = await call(book.GET, { token: a.token, path: `/api/admin/price-book?limit=3&cursor=${first.json.nextCursor}` });
    expect(second.json.items).toHaveLength(1);
    expect(second.json.nextCursor).toBeNull();
    expect([...ids(first), ...ids(second)].sort()).toEqual(made.map((m) => m.id).sort());
  });

  it("another company's item is a 404 for every route, identical to a missing one, and is left untouched", async () => {
    const a = await staff();
    const b = await staff("ADMIN");
    const theirs = await create(b.token, { description: "Company B's secret rate" });
    const missing = "0190a0a0-0000-7000-8000-000000000000";
    for (const id of [theirs.id, missing]) {
      const get = await call(one.GET, { token: a.token, params: { id } });
      const patch = await call(one.PATCH, { token: a.token, headers, params: { id }, body: { unitPricePence: 1 } });
      const del = await call(one.DELETE, { token: a.token, headers, params: { id } });
      expect([get.status, patch.status, del.status]).toEqual([404, 404, 404]);
      expect(get.json).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    }
    expect(ids(await call(book.GET, { token: a.token, path: "/api/admin/price-book?archived=include" }))).not.toContain(theirs.id);
    expect((await call(book.GET, { token: a.token, path: "/api/admin/price-book?q=secret" })).json.items).toEqual([]);
    const still = await call(one.GET, { token: b.token, params: { id: theirs.id } });
    expect(still.json).toMatchObject({ unitPricePence: 12_500, archivedAt: null });
  });

  it("office and admin manage the price book; engineers and clients are refused", async () => {
    const a = await staff("ADMIN");
    const mine = await create(a.token);
    const office = await createUser({ companyId: a.company.id, role: "OFFICE" });
    const officeToken = await createSession(office.id, a.company.id);
    expect((await call(one.PATCH, { token: officeToken, headers, params: { id: mine.id }, body: { description: "Renamed by the office" } })).status).toBe(200);
    for (const role of ["ENGINEER", "CLIENT"] as const) {
      const u = await createUser({ companyId: a.company.id, role });
      const token = await createSession(u.id, a.company.id);
      expect((await call(book.GET, { token })).status).toBe(403);
      expect((await call(book.POST, { token, headers, body: item })).status).toBe(403);
      expect((await call(one.PATCH, { token, headers, params: { id: mine.id }, body: { unitPricePence: 1 } })).status).toBe(403);
      expect((await call(one.DELETE, { token, headers, params: { id: mine.id } })).status).toBe(403);
    }
    expect((await call(book.GET, {})).status).toBe(401);
    const after = await call(one.GET, { token: a.token, params: { id: mine.id } });
    expect(after.json).toMatchObject({ description: "Renamed by the office", unitPricePence: 12_500, archivedAt: null });
  });
});
