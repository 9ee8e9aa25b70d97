import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as submit from "../../app/api/public/enquiries/[slug]/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { startRuntime } from "@/worker/runtime.ts";
import { call } from "../support/http.ts";
import { createCompany, createUser } from "../support/factories.ts";
import { waitUntil } from "../support/worker-env.ts";

let runtime: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  runtime = await startRuntime({ queues: [{ queue: "email", concurrency: 5 }] });
});
afterAll(() => runtime.stop());

const db = () => unsafeUnscopedDb();
let ipCounter = 0;
/** A visitor on another site (the company's own website posting to us). */
const visitor = () => ({ origin: "https://www.some-plumber.example", "x-forwarded-for": `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` });

const form = {
  name: "Dana Doorstep",
  email: "dana@example.test",
  phone: "07700 900456",
  addressLine1: "9 Elm Grove",
  town: "Leeds",
  postcode: "LS8 2QR",
  description: "Boiler making a banging noise when the heating comes on.",
  website: "",
};

describe("POST /api/public/enquiries/{slug}", () => {
  it("creates the enquiry in the first stage from another site, audits it and emails admin + office (not a muted one)", async () => {
    const c = await createCompany({ name: "Leeds Heat Ltd" });
    const admin = await createUser({ companyId: c.id, role: "ADMIN", name: "Ada Admin" });
    const office = await createUser({ companyId: c.id, role: "OFFICE", name: "Olly Office" });
    const muted = await createUser({ companyId: c.id, role: "OFFICE", name: "Muted Mo" });
    const engineer = await createUser({ companyId: c.id, role: "ENGINEER" });
    await db().companyMembership.updateMany({ where: { companyId: c.id, userId: muted.id }, data: { mutedEmailCategories: ["enquiries"] } });

    const res = await call(submit.POST, { path: `/api/public/enquiries/${c.slug}`, params: { slug: c.slug }, headers: visitor(), body: form });
    expect(res.status, res.text).toBe(202);
    expect(res.json).toEqual({ received: true });

    const enquiry = await db().enquiry.findFirstOrThrow({ where: { companyId: c.id }, include: { stage: true } });
    expect(enquiry).toMatchObject({ source: "PUBLIC_FORM", name: "Dana Doorstep", email: "dana@example.test", postcode: "LS8 2QR", ownerId: null, stage: { name: "New", position: 0 } });
    const event = await db().auditEvent.findFirstOrThrow({ where: { companyId: c.id, entityId: enquiry.id } });
    expect(event).toMatchObject({ action: "enquiry.created", actorId: null, entityType: "Enquiry" });

    await waitUntil(async () => (await db().emailMessage.count({ where: { companyId: c.id, template: "enquiry.received" } })) > 0, 15_000, "enquiry email");
    const sent = await db().emailMessage.findFirstOrThrow({ where: { companyId: c.id, template: "enquiry.received" } });
    expect(sent.category).toBe("enquiries");
    expect(sent.subject).toBe("New enquiry from Dana Doorstep (Leeds, LS8 2QR)");
    expect(sent.text).toContain("Boiler making a banging noise");
    expect(sent.text).toContain(`/admin/enquiries/${enquiry.id}`);
    // One email to the admin and the office user who didn't mute "enquiries"; never engineers.
    expect(sent.status).toBe("SENT");
    expect([...sent.to].sort()).toEqual([admin.email, office.email].sort());
    expect(sent.to).not.toContain(muted.email);
    expect(sent.to).not.toContain(engineer.email);
    const outbox = await db().outboxMessage.findFirstOrThrow({ where: { companyId: c.id, jobName: "email.send" } });
    expect((outbox.payload as { recipientUserIds: string[] }).recipientUserIds).toContain(muted.id);
  });

  it("a filled honeypot answers like a success and stores nothing", async () => {
    const c = await createCompany();
    await createUser({ companyId: c.id, role: "ADMIN" });
    const ok = await call(submit.POST, { path: `/api/public/enquiries/${c.slug}`, params: { slug: c.slug }, headers: visitor(), body: form });
    const bot = await call(submit.POST, { path: `/api/public/enquiries/${c.slug}`, params: { slug: c.slug }, headers: visitor(), body: { ...form, name: "Bot", website: "http://spam.example" } });
    expect(bot.status).toBe(202);
    expect(bot.text).toBe(ok.text);
    expect(await db().enquiry.findMany({ where: { companyId: c.id }, select: { name: true } })).toEqual([{ name: "Dana Doorstep" }]);
    expect(await db().outboxMessage.count({ where: { companyId: c.id } })).toBe(1);
  });

  it("needs an email or a phone number, and says so next to the field", async () => {
    const c = await createCompany();
    const res = await call(submit.POST, { path: `/api/public/enquiries/${c.slug}`, params: { slug: c.slug }, headers: visitor(), body: { ...form, email: "", phone: "" } });
    expect(res.status).toBe(400);
    expect(res.json.error.fields.email).toMatch(/email address or a phone number/);
  });

  it("limits to 5 per 10 minutes per visitor and 50 per hour per company, with Retry-After", async () => {
    const c = await createCompany();
    const same = visitor();
    for (let i = 0; i < 5; i++) expect((await call(submit.POST, { params: { slug: c.slug }, headers: same, body: { ...form, website: "x" } })).status).toBe(202);
    const limited = await call(submit.POST, { params: { slug: c.slug }, headers: same, body: form });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(500);
    // Another visitor still gets through until the company's hourly budget runs out.
    for (let i = 0; i < 45; i++) expect((await call(submit.POST, { params: { slug: c.slug }, headers: visitor(), body: { ...form, website: "x" } })).status).toBe(202);
    const company = await call(submit.POST, { params: { slug: c.slug }, headers: visitor(), body: form });
    expect(company.status).toBe(429);
    expect(Number(company.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect(await db().enquiry.count({ where: { companyId: c.id } })).toBe(0);
  });

  it("404 with the same body for an unknown slug and a suspended company", async () => {
    const suspended = await createCompany({ status: "SUSPENDED" });
    const a = await call(submit.POST, { params: { slug: "no-such-company-here" }, headers: visitor(), body: form });
    const b = await call(submit.POST, { params: { slug: suspended.slug }, headers: visitor(), body: form });
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(a.text).toBe(b.text);
    expect(await db().enquiry.count({ where: { companyId: suspended.id } })).toBe(0);
  });
});
