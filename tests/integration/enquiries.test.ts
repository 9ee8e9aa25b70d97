import { describe, expect, it } from "vitest";
import * as list from "../../app/api/admin/enquiries/route.ts";
import * as one from "../../app/api/admin/enquiries/[id]/route.ts";
import * as move from "../../app/api/admin/enquiries/[id]/move/route.ts";
import * as assign from "../../app/api/admin/enquiries/[id]/assign/route.ts";
import * as notes from "../../app/api/admin/enquiries/[id]/notes/route.ts";
import * as convert from "../../app/api/admin/enquiries/[id]/convert/route.ts";
import * as attachments from "../../app/api/admin/enquiries/[id]/attachments/route.ts";
import * as stages from "../../app/api/admin/pipeline-stages/route.ts";
import * as stage from "../../app/api/admin/pipeline-stages/[id]/route.ts";
import * as archive from "../../app/api/admin/pipeline-stages/[id]/archive/route.ts";
import * as reorder from "../../app/api/admin/pipeline-stages/reorder/route.ts";
import * as files from "../../app/api/admin/files/route.ts";
import { NextRequest } from "next/server";
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
  const token = await createSession(admin.id, c.id);
  const officeToken = await createSession(office.id, c.id);
  return { company: c, admin, office, engineer, token, officeToken };
}

type Team = Awaited<ReturnType<typeof team>>;

async function stageIds(t: Team): Promise<{ id: string; name: string; isWon: boolean; isLost: boolean; enquiryCount: number }[]> {
  const res = await call(stages.GET, { token: t.token });
  expect(res.status).toBe(200);
  return res.json.items;
}

async function create(t: Team, body: Record<string, unknown>) {
  const res = await call(list.POST, { token: t.token, headers: ORIGIN, body: { description: "Work needed", ...body } });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; stage: { id: string; name: string }; valuePence: number | null; owner: { id: string; name: string } | null };
}

async function actions(enquiryId: string) {
  return (await db().auditEvent.findMany({ where: { entityType: "Enquiry", entityId: enquiryId }, orderBy: { id: "asc" } })).map((e) => e.action);
}

describe("pipeline stages", () => {
  it("creates the six default stages on first use, in order, with one won and one lost", async () => {
    const t = await team();
    const items = await stageIds(t);
    expect(items.map((s) => s.name)).toEqual(["New", "Contacted", "Site visit booked", "Quoted", "Won", "Lost"]);
    expect(items.filter((s) => s.isWon).map((s) => s.name)).toEqual(["Won"]);
    expect(items.filter((s) => s.isLost).map((s) => s.name)).toEqual(["Lost"]);
    // A second read creates nothing more.
    await stageIds(t);
    expect(await db().pipelineStage.count({ where: { companyId: t.company.id } })).toBe(6);
  });

  it("adds, renames, reorders and archives (empty only); one won and one lost stage at most; office can't manage", async () => {
    const t = await team();
    const before = await stageIds(t);
    const added = await call(stages.POST, { token: t.token, headers: ORIGIN, body: { name: "Follow up", colour: "#123456" } });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ name: "Follow up", position: 6, colour: "#123456" });
    expect((await call(stages.POST, { token: t.officeToken, headers: ORIGIN, body: { name: "Nope" } })).status).toBe(403);
    const secondWon = await call(stages.POST, { token: t.token, headers: ORIGIN, body: { name: "Also won", isWon: true } });
    expect(secondWon.status).toBe(409);
    const flagged = await call(stage.PATCH, { token: t.token, headers: ORIGIN, params: { id: added.json.id }, body: { isLost: true } });
    expect(flagged.status).toBe(409);
    const both = await call(stage.PATCH, { token: t.token, headers: ORIGIN, params: { id: added.json.id }, body: { isWon: true, isLost: true } });
    expect(both.status).toBe(400);
    const renamed = await call(stage.PATCH, { token: t.token, headers: ORIGIN, params: { id: added.json.id }, body: { name: "Chase", colour: "#abcdef" } });
    expect(renamed.json).toMatchObject({ name: "Chase", colour: "#abcdef" });

    const ids = [added.json.id, ...before.map((s) => s.id)];
    const reordered = await call(reorder.POST, { token: t.token, headers: ORIGIN, body: { ids } });
    expect(reordered.status).toBe(200);
    expect(reordered.json.items.map((s: { name: string }) => s.name)).toEqual(["Chase", "New", "Contacted", "Site visit booked", "Quoted", "Won", "Lost"]);
    expect((await call(reorder.POST, { token: t.token, headers: ORIGIN, body: { ids: ids.slice(1) } })).status).toBe(422);

    // A stage holding an enquiry can't be archived; an empty one can.
    const e = await create(t, { name: "Jo Bloggs", stageId: added.json.id });
    const refused = await call(archive.POST, { token: t.token, headers: ORIGIN, params: { id: added.json.id } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/Move the 1 enquiry/);
    await call(move.POST, { token: t.token, headers: ORIGIN, params: { id: e.id }, body: { stageId: before[0]!.id } });
    expect((await call(archive.POST, { token: t.token, headers: ORIGIN, params: { id: added.json.id } })).status).toBe(204);
    expect((await stageIds(t)).map((s) => s.name)).not.toContain("Chase");
    const audited = await db().auditEvent.findMany({ where: { companyId: t.company.id, entityType: "PipelineStage" }, orderBy: { id: "asc" } });
    expect(audited.map((a) => a.action)).toEqual(["pipeline_stage.created", "pipeline_stage.updated", "pipeline_stage.reordered", "pipeline_stage.archived"]);
  });
});

describe("enquiries", () => {
  it("creates, edits, moves, assigns and notes, each audited; the timeline tells the story", async () => {
    const t = await team();
    const [first, second] = await stageIds(t);
    const e = await create(t, { name: "Pat Example", email: "Pat@Example.test", phone: "07700 900123", addressLine1: "1 High St", town: "Leeds", postcode: "ls1 4ab", estimatedValue: "1,250.50", ownerId: t.office.id });
    expect(e).toMatchObject({ stage: { id: first!.id, name: "New" }, valuePence: 125050, owner: { id: t.office.id, name: "Oscar Office" } });
    const row = await db().enquiry.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ email: "pat@example.test", postcode: "LS1 4AB", source: "MANUAL", companyId: t.company.id });
    expect(row.searchText).toContain("pat example");

    // Owners must be active admins/office members of this company.
    const badOwner = await call(list.POST, { token: t.token, headers: ORIGIN, body: { name: "X", description: "y", ownerId: t.engineer.id } });
    expect(badOwner.status).toBe(422);
    expect(badOwner.json.error.fields.ownerId).toBeDefined();
    const badValue = await call(list.POST, { token: t.token, headers: ORIGIN, body: { name: "X", description: "y", estimatedValue: "12.345" } });
    expect(badValue.status).toBe(400);
    expect(badValue.json.error.fields.estimatedValue).toMatch(/pounds/);

    const edited = await call(one.PATCH, { token: t.token, headers: ORIGIN, params: { id: e.id }, body: { description: "Full rewire", estimatedValue: 4000 } });
    expect(edited.json).toMatchObject({ description: "Full rewire", valuePence: 400000 });
    const moved = await call(move.POST, { token: t.officeToken, headers: ORIGIN, params: { id: e.id }, body: { stageId: second!.id } });
    expect(moved.json.stage.name).toBe("Contacted");
    const assigned = await call(assign.POST, { token: t.token, headers: ORIGIN, params: { id: e.id }, body: { ownerId: t.admin.id } });
    expect(assigned.json.owner).toEqual({ id: t.admin.id, name: "Alice Admin" });
    expect((await call(assign.POST, { token: t.token, headers: ORIGIN, params: { id: e.id }, body: { ownerId: t.engineer.id } })).status).toBe(422);
    const note = await call(notes.POST, { token: t.token, headers: ORIGIN, params: { id: e.id }, body: { body: "Called, booked a visit for Tuesday" } });
    expect(note.status).toBe(201);
    expect(note.json).toMatchObject({ body: "Called, booked a visit for Tuesday", authorName: "Alice Admin" });

    expect(await actions(e.id)).toEqual(["enquiry.created", "enquiry.updated", "enquiry.stage_changed", "enquiry.owner_changed", "enquiry.note_added"]);
    const moveEvent = await db().auditEvent.findFirstOrThrow({ where: { entityId: e.id, action: "enquiry.stage_changed" } });
    expect(moveEvent).toMatchObject({ actorId: t.office.id, before: { stage: "New" }, after: { stage: "Contacted" } });

    const detail = await call(one.GET, { token: t.token, params: { id: e.id } });
    expect(detail.status).toBe(200);
    expect(detail.json.notes.map((n: { body: string }) => n.body)).toEqual(["Called, booked a visit for Tuesday"]);
    expect(detail.json.timeline.map((x: { kind: string }) => x.kind)).toEqual(["note_added", "owner_changed", "stage_changed", "updated", "created"]);
    expect(detail.json.timeline[2]).toMatchObject({ text: "Moved from New to Contacted", actorName: "Oscar Office" });
    expect(detail.json.timeline[0].text).toContain("booked a visit");
  });

  it("lists with stage, owner, source and q filters and pages by cursor", async () => {
    const t = await team();
    const [first, second] = await stageIds(t);
    const a = await create(t, { name: "Alan Ashby", postcode: "LS6 1AA", ownerId: t.office.id });
    const b = await create(t, { name: "Beth Brown", stageId: second!.id });
    const c = await create(t, { name: "Cara Cole", email: "cara@example.test" });
    const names = async (qs: string) => (await call(list.GET, { token: t.token, path: `/api/admin/enquiries${qs}` })).json.items.map((i: { name: string }) => i.name);
    expect(await names("")).toEqual(["Cara Cole", "Beth Brown", "Alan Ashby"]);
    expect(await names(`?stage=${first!.id}`)).toEqual(["Cara Cole", "Alan Ashby"]);
    expect(await names(`?owner=${t.office.id}`)).toEqual(["Alan Ashby"]);
    expect(await names("?owner=none")).toEqual(["Cara Cole", "Beth Brown"]);
    expect(await names("?q=ls6")).toEqual(["Alan Ashby"]);
    expect(await names("?q=CARA@")).toEqual(["Cara Cole"]);
    expect(await names("?source=PUBLIC_FORM")).toEqual([]);
    expect((await call(list.GET, { token: t.token, path: "/api/admin/enquiries?source=EMAIL" })).status).toBe(400);
    const p1 = await call(list.GET, { token: t.token, path: "/api/admin/enquiries?limit=2" });
    expect(p1.json.items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
    expect(p1.json.nextCursor).toBe(b.id);
    const p2 = await call(list.GET, { token: t.token, path: `/api/admin/enquiries?limit=2&cursor=${p1.json.nextCursor}` });
    expect(p2.json.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(p2.json.nextCursor).toBeNull();
    // Engineers can't see enquiries at all.
    const eng = await createSession(t.engineer.id, t.company.id);
    expect((await call(list.GET, { token: eng })).status).toBe(403);
  });

  it("stores photo/PDF attachments for the enquiry, listed through the files API", async () => {
    const t = await team();
    const e = await create(t, { name: "Photo Person" });
    const form = new FormData();
    form.set("file", new File([Buffer.from("%PDF-1.4\n% test\n")], "quote-from-rival.pdf", { type: "application/pdf" }));
    const req = new NextRequest(new URL(`/api/admin/enquiries/${e.id}/attachments`, "http://localhost:3000"), {
      method: "POST",
      headers: { cookie: `qt_session=${t.token}`, ...ORIGIN },
      body: form,
    });
    const res = await attachments.POST(req, { params: Promise.resolve({ id: e.id }) });
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { fileName: string; contentType: string };
    expect(stored).toMatchObject({ fileName: "quote-from-rival.pdf", contentType: "application/pdf" });
    const listed = await call(files.GET, { token: t.token, path: `/api/admin/files?entityType=Enquiry&entityId=${e.id}` });
    expect(listed.json.items.map((f: { fileName: string }) => f.fileName)).toEqual(["quote-from-rival.pdf"]);
    expect(await actions(e.id)).toEqual(["enquiry.created", "enquiry.attachment_added"]);
  });

  it("converts once into a client, a site (with a complete address) and a draft quote, optionally to the won stage", async () => {
    const t = await team();
    const e = await create(t, { name: "Vera Visit", email: "vera@example.test", phone: "0113 496 0000", addressLine1: "2 Park Row", town: "Leeds", postcode: "LS1 5HD", description: "Two new sockets in the kitchen\nand an outside light" });
    const res = await call(convert.POST, { token: t.token, headers: ORIGIN, params: { id: e.id }, body: { markWon: true } });
    expect(res.status, res.text).toBe(200);
    const quote = await db().quote.findUniqueOrThrow({ where: { id: res.json.quoteId }, include: { lines: true } });
    expect(quote).toMatchObject({ companyId: t.company.id, status: "DRAFT", clientId: res.json.clientId, siteId: res.json.siteId, enquiryId: e.id, title: "Two new sockets in the kitchen", number: res.json.quoteNumber, grossPence: 0, createdById: t.admin.id });
    expect(quote.lines).toEqual([]);
    const quoteEvents = await db().auditEvent.findMany({ where: { entityType: "Quote", entityId: quote.id } });
    expect(quoteEvents.map((ev) => [ev.action, ev.metadata])).toEqual([["quote.created", { fromEnquiryId: e.id }]]);
    const converted = await db().auditEvent.findFirstOrThrow({ where: { entityType: "Enquiry", entityId: e.id, action: "enquiry.converted" } });
    expect(converted.after).toMatchObject({ clientId: res.json.clientId, siteId: res.json.siteId, quoteId: quote.id });
    expect(res.json.enquiry).toMatchObject({ clientId: res.json.clientId, siteId: res.json.siteId, stage: { name: "Won", isWon: true } });
    expect(res.json.enquiry.convertedAt).not.toBeNull();
    const client = await db().client.findUniqueOrThrow({ where: { id: res.json.clientId }, include: { sites: true } });
    expect(client).toMatchObject({ companyId: t.company.id, kind: "PERSON", name: "Vera Visit", email: "vera@example.test", phone: "0113 496 0000", searchText: "vera visit vera@example.test 0113 496 0000 01134960000 ls1 5hd ls15hd" });
    expect(client.sites.map((s) => [s.addressLine1, s.town, s.postcode])).toEqual([["2 Park Row", "Leeds", "LS1 5HD"]]);
    const again = await call(convert.POST, { token: t.token, headers: ORIGIN, params: { id: e.id }, body: {} });
    expect(again.status).toBe(409);
    expect(await db().client.count({ where: { companyId: t.company.id } })).toBe(1);
    expect(await db().quote.count({ where: { companyId: t.company.id } })).toBe(1);
    expect(await actions(e.id)).toEqual(["enquiry.created", "enquiry.converted", "enquiry.stage_changed"]);
    expect(await db().auditEvent.count({ where: { companyId: t.company.id, action: { in: ["client.created", "site.created"] } } })).toBe(2);

    // Without a complete address: a client only, and the stage stays unless asked.
    const bare = await create(t, { name: "No Address", town: "York" });
    const r2 = await call(convert.POST, { token: t.token, headers: ORIGIN, params: { id: bare.id }, body: {} });
    expect(r2.json).toMatchObject({ siteId: null, enquiry: { stage: { name: "New" } } });
    expect(await db().quote.findUniqueOrThrow({ where: { id: r2.json.quoteId } })).toMatchObject({ siteId: null, enquiryId: bare.id, title: "Work needed", status: "DRAFT" });
  });

  it("converting is one transaction: when the draft quote can't be written, no client, site or conversion is left behind", async () => {
    const t = await team();
    const e = await create(t, { name: "Rolf Back", email: "rolf@example.test", addressLine1: "9 Mill Lane", town: "York", postcode: "YO1 7HH" });
    // This test file has its own database: make every quote insert fail for this company only.
    await db().$executeRawUnsafe(`CREATE FUNCTION refuse_quote() RETURNS trigger AS $$ BEGIN IF NEW."companyId" = '${t.company.id}' THEN RAISE EXCEPTION 'quote refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_quote BEFORE INSERT ON "Quote" FOR EACH ROW EXECUTE FUNCTION refuse_quote()`);
    try {
      const res = await call(convert.POST, { token: t.token, headers: ORIGIN, params: { id: e.id }, body: { markWon: true } });
      expect(res.status).toBe(500);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER refuse_quote ON "Quote"`);
      await db().$executeRawUnsafe(`DROP FUNCTION refuse_quote()`);
    }
    expect(await db().client.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await db().site.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await db().enquiry.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ convertedAt: null, clientId: null, siteId: null });
    expect(await actions(e.id)).toEqual(["enquiry.created"]);
    expect(await db().auditEvent.count({ where: { companyId: t.company.id, action: { in: ["client.created", "site.created", "quote.created"] } } })).toBe(0);

    // And once quotes can be written again, the same enquiry converts normally.
    const ok = await call(convert.POST, { token: t.token, headers: ORIGIN, params: { id: e.id }, body: {} });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.quoteId).toEqual(expect.any(String));
  });

  it("a user who manages enquiries but not quotes gets the client and site only", async () => {
    const t = await team();
    await db().companyMembership.updateMany({ where: { userId: t.office.id, companyId: t.company.id }, data: { revokedCapabilities: ["quotes.manage"] } });
    const e = await create(t, { name: "No Quotes", addressLine1: "1 High St", town: "Hull", postcode: "HU1 1AA" });
    const res = await call(convert.POST, { token: t.officeToken, headers: ORIGIN, params: { id: e.id }, body: {} });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ quoteId: null, quoteNumber: null, siteId: expect.any(String) });
    expect(await db().quote.count({ where: { companyId: t.company.id } })).toBe(0);
  });

  it("answers 404 with identical bodies for another company's enquiry or stage on every route", async () => {
    const t = await team();
    const other = await team();
    const theirs = await create(other, { name: "Their Lead" });
    const theirStage = (await stageIds(other))[0]!.id;
    const ourStage = (await stageIds(t))[0]!.id;
    const missing = "0190a0a0-0000-7000-8000-000000000001";
    const calls = (id: string, stageId: string) => [
      () => call(one.GET, { token: t.token, params: { id } }),
      () => call(one.PATCH, { token: t.token, headers: ORIGIN, params: { id }, body: { name: "Hijack" } }),
      () => call(move.POST, { token: t.token, headers: ORIGIN, params: { id }, body: { stageId: ourStage } }),
      () => call(assign.POST, { token: t.token, headers: ORIGIN, params: { id }, body: { ownerId: null } }),
      () => call(notes.POST, { token: t.token, headers: ORIGIN, params: { id }, body: { body: "hi" } }),
      () => call(convert.POST, { token: t.token, headers: ORIGIN, params: { id }, body: {} }),
      () => call(stage.PATCH, { token: t.token, headers: ORIGIN, params: { id: stageId }, body: { name: "Hijack" } }),
      () => call(archive.POST, { token: t.token, headers: ORIGIN, params: { id: stageId } }),
    ];
    const foreign = calls(theirs.id, theirStage);
    const absent = calls(missing, missing);
    for (const [i, f] of foreign.entries()) {
      const a = await f();
      const b = await absent[i]!();
      expect(a.status, a.text).toBe(404);
      expect(a.text).toBe(b.text);
    }
    // Moving our enquiry into their stage is refused like an unknown stage.
    const ours = await create(t, { name: "Our Lead" });
    expect((await call(move.POST, { token: t.token, headers: ORIGIN, params: { id: ours.id }, body: { stageId: theirStage } })).status).toBe(422);
    expect((await call(reorder.POST, { token: t.token, headers: ORIGIN, body: { ids: [theirStage] } })).status).toBe(422);
    expect(await db().enquiry.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: "Their Lead", convertedAt: null });
    expect(await db().note.count({ where: { companyId: other.company.id } })).toBe(0);
    expect((await stageIds(t)).map((s) => s.id)).not.toContain(theirStage);
  });
});
