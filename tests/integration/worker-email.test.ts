/**
 * Nothing lost, nothing twice: the outbox → BullMQ → email processor pipeline against a fake
 * Resend server, in this process (the process-level kill tests are in worker-crash.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeResend } from "../support/fake-resend.ts";
import { pointAtFakeResend, waitUntil } from "../support/worker-env.ts";

const fake = await startFakeResend();
pointAtFakeResend(fake);

const { unsafeUnscopedDb } = await import("@/server/db/client.ts");
const { queueEmail } = await import("@/server/email/queue-email.ts");
const { deliverEmail } = await import("@/server/email/deliver.ts");
const { getQueue, jobIdFor } = await import("@/server/queue/queues.ts");
const { startRuntime } = await import("@/worker/runtime.ts");
const { createCompany, createUser } = await import("../support/factories.ts");

let runtime: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  runtime = await startRuntime({ queues: [{ queue: "email", concurrency: 20 }] });
});
afterAll(async () => {
  await runtime.stop();
  await fake.close();
});

const payload = (to: string, name = "Ada") => ({
  companyId: null,
  to: [to],
  template: "auth.magic_link",
  props: { name, url: "http://localhost:3000/login/magic/abc", minutes: 15 },
  category: "auth",
});

describe("email pipeline", () => {
  it("delivers a committed outbox message once, recording it and an email.sent audit event", async () => {
    await unsafeUnscopedDb().$transaction((tx) => queueEmail(tx, { ...payload("one@example.test"), idempotencyKey: "test-one", priority: 1 }));
    await waitUntil(() => fake.delivered.some((m) => m.to.includes("one@example.test")), 15_000, "delivery");
    const sent = fake.delivered.filter((m) => m.to.includes("one@example.test"));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("Your Quantract sign-in link");
    expect(sent[0]!.text).toContain("http://localhost:3000/login/magic/abc");
    expect(sent[0]!.idempotencyKey).toBe("email:test-one");
    await waitUntil(async () => (await unsafeUnscopedDb().emailMessage.count({ where: { idempotencyKey: "email:test-one" } })) === 1);
    const row = await unsafeUnscopedDb().emailMessage.findUniqueOrThrow({ where: { idempotencyKey: "email:test-one" } });
    expect(row).toMatchObject({ status: "SENT", transport: "resend", providerMessageId: sent[0]!.id });
    const audit = await unsafeUnscopedDb().auditEvent.findMany({ where: { action: "email.sent", entityId: row.id } });
    expect(audit).toHaveLength(1);
    const outbox = await unsafeUnscopedDb().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "email:test-one" } });
    expect(outbox.status).toBe("DISPATCHED");
  });

  it("(a) the same message enqueued 100 times gives exactly one email at the provider", async () => {
    const key = "email:dup-100";
    const data = { ...payload("dup@example.test"), recipientUserIds: [], attachments: [] };
    await Promise.all(Array.from({ length: 100 }, () => getQueue("email").add("email.send", data, { jobId: jobIdFor(key) })));
    // And the processor itself run 100 times at once with the same key (as duplicates from different job ids would be).
    const outcomes = await Promise.allSettled(Array.from({ length: 100 }, () => deliverEmail(key, data as never)));
    await waitUntil(async () => (await unsafeUnscopedDb().emailMessage.count({ where: { idempotencyKey: key } })) === 1, 15_000, "record");
    await new Promise((r) => setTimeout(r, 1000));
    expect(fake.delivered.filter((m) => m.to.includes("dup@example.test"))).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "fulfilled" && o.value === "sent").length).toBeLessThanOrEqual(1);
    expect(await unsafeUnscopedDb().auditEvent.count({ where: { action: "email.sent", idempotencyKey: `email.sent:${key}` } })).toBe(1);
  });

  it("(d) a provider that fails twice then accepts gives one email after three attempts", async () => {
    fake.failNext(2, 500);
    await unsafeUnscopedDb().$transaction((tx) => queueEmail(tx, { ...payload("flaky@example.test"), idempotencyKey: "flaky" }));
    await waitUntil(() => fake.delivered.some((m) => m.to.includes("flaky@example.test")), 20_000, "delivery after retries");
    await waitUntil(async () => (await unsafeUnscopedDb().emailMessage.count({ where: { idempotencyKey: "email:flaky" } })) === 1);
    expect(fake.delivered.filter((m) => m.to.includes("flaky@example.test"))).toHaveLength(1);
    const execution = await unsafeUnscopedDb().jobExecution.findUniqueOrThrow({ where: { idempotencyKey: "email:flaky" } });
    expect(execution).toMatchObject({ status: "COMPLETED", attempts: 3 });
    const job = await getQueue("email").getJob(jobIdFor("email:flaky"));
    expect(job?.attemptsMade).toBe(3);
  });

  it("skips a muted category for that person, records the skip, and sends nothing", async () => {
    const company = await createCompany();
    const user = await createUser({ companyId: company.id, role: "OFFICE" });
    await unsafeUnscopedDb().companyMembership.updateMany({ where: { userId: user.id }, data: { mutedEmailCategories: ["mentions"] } });
    await unsafeUnscopedDb().$transaction((tx) =>
      queueEmail(tx, {
        companyId: company.id,
        to: [user.email],
        recipientUserIds: [user.id],
        template: "auth.invite",
        props: { inviterName: "Sam", companyName: company.name, role: "OFFICE", url: "http://localhost:3000/invite/x", days: 7 },
        category: "mentions",
        idempotencyKey: "muted-1",
      }),
    );
    await waitUntil(async () => (await unsafeUnscopedDb().emailMessage.count({ where: { idempotencyKey: "email:muted-1" } })) === 1);
    const row = await unsafeUnscopedDb().emailMessage.findUniqueOrThrow({ where: { idempotencyKey: "email:muted-1" } });
    expect(row).toMatchObject({ status: "SKIPPED", skipReason: "muted:mentions", companyId: company.id });
    expect(fake.delivered.filter((m) => m.to.includes(user.email))).toHaveLength(0);
    expect(await unsafeUnscopedDb().auditEvent.count({ where: { companyId: company.id, action: "email.skipped" } })).toBe(1);
  });
});
