import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as prefs from "../../app/api/account/notifications/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { queueEmail } from "@/server/email/queue-email.ts";
import { startRuntime } from "@/worker/runtime.ts";
import { call } from "../support/http.ts";
import { createSession, createUser, tenantWithAdmin } from "../support/factories.ts";
import { waitUntil } from "../support/worker-env.ts";

let runtime: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  runtime = await startRuntime({ queues: [{ queue: "email", concurrency: 5 }] });
});
afterAll(() => runtime.stop());

describe("email notification preferences", () => {
  it("a person turns a category off for themselves; the worker then skips it for them and records the skip", async () => {
    const t = await tenantWithAdmin();
    const office = await createUser({ companyId: t.company.id, role: "OFFICE" });
    const token = await createSession(office.id, t.company.id);
    const before = await call(prefs.GET, { token });
    expect(before.json.categories.map((c: { key: string; enabled: boolean }) => [c.key, c.enabled])).toEqual([["enquiries", true], ["quote-responses", true], ["schedule", true]]);
    const bad = await call(prefs.PATCH, { token, headers: { origin: "http://localhost:3000" }, body: { muted: ["auth"] } });
    expect(bad.status).toBe(400); // sign-in mail can't be turned off
    const saved = await call(prefs.PATCH, { token, headers: { origin: "http://localhost:3000" }, body: { muted: ["enquiries"] } });
    expect(saved.json.categories.find((c: { key: string }) => c.key === "enquiries").enabled).toBe(false);
    expect(await t.ctx.db.auditEvent.count({ where: { action: "account.notifications_updated", entityId: office.id } })).toBe(1);

    await unsafeUnscopedDb().$transaction((tx) =>
      queueEmail(tx, {
        companyId: t.company.id,
        to: [office.email, t.user.email],
        recipientUserIds: [office.id, t.user.id],
        template: "enquiry.received",
        props: { companyName: t.company.name, name: "Test Person", email: "test@example.test", phone: null, place: null, description: "Test enquiry", url: "http://localhost:3000/admin/enquiries/x" },
        category: "enquiries",
        idempotencyKey: `prefs-${t.company.id}`,
      }),
    );
    await waitUntil(async () => (await unsafeUnscopedDb().emailMessage.count({ where: { idempotencyKey: `email:prefs-${t.company.id}` } })) === 1, 15_000, "the email");
    const sent = await unsafeUnscopedDb().emailMessage.findFirstOrThrow({ where: { idempotencyKey: `email:prefs-${t.company.id}` } });
    expect(sent.to).toEqual([t.user.email]); // the office user who muted it is left out
  });

  it("needs a signed-in member", async () => {
    expect((await call(prefs.GET)).status).toBe(401);
  });
});
