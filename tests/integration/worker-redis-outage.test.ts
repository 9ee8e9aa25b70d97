/**
 * (c) Redis unreachable while the web commits 20 actions: every commit succeeds (the outbox is in
 * PostgreSQL), and once Redis is back every side effect happens exactly once.
 */
import { afterAll, describe, expect, it } from "vitest";
import { startFakeResend } from "../support/fake-resend.ts";
import { startTcpProxy } from "../support/tcp-proxy.ts";
import { pointAtFakeResend, waitUntil } from "../support/worker-env.ts";

const fake = await startFakeResend();
pointAtFakeResend(fake);
const redisUrl = new URL(process.env.REDIS_URL!);
const proxy = await startTcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname);
process.env.REDIS_URL = `redis://127.0.0.1:${proxy.port}`;

const { unsafeUnscopedDb } = await import("@/server/db/client.ts");
const { queueEmail } = await import("@/server/email/queue-email.ts");
const { startRuntime } = await import("@/worker/runtime.ts");

afterAll(async () => {
  await proxy.close();
  await fake.close();
});

describe("Redis outage", () => {
  it("loses no side effect and duplicates none", async () => {
    const runtime = await startRuntime({ queues: [{ queue: "email", concurrency: 10 }], shutdownGraceMs: 3000 });
    try {
      await proxy.cut();
      for (let i = 0; i < 20; i++) {
        await unsafeUnscopedDb().$transaction((tx) =>
          queueEmail(tx, {
            companyId: null,
            to: [`outage-${i}@example.test`],
            template: "auth.magic_link",
            props: { name: `User ${i}`, url: `http://localhost:3000/login/magic/${i}`, minutes: 15 },
            category: "auth",
            idempotencyKey: `outage-${i}`,
          }),
        );
      }
      expect(await unsafeUnscopedDb().outboxMessage.count({ where: { idempotencyKey: { startsWith: "email:outage-" } } })).toBe(20);
      await new Promise((r) => setTimeout(r, 1500));
      expect(fake.delivered).toHaveLength(0);
      // The dispatcher kept trying and recorded why.
      const pending = await unsafeUnscopedDb().outboxMessage.findMany({ where: { idempotencyKey: { startsWith: "email:outage-" } } });
      expect(pending.every((m) => m.status === "PENDING")).toBe(true);
      expect(pending.some((m) => m.attempts > 0 && m.lastError)).toBe(true);

      await proxy.restore();
      await waitUntil(() => fake.delivered.length >= 20, 60_000, "20 deliveries after Redis returned");
      await waitUntil(async () => (await unsafeUnscopedDb().emailMessage.count({ where: { idempotencyKey: { startsWith: "email:outage-" } } })) === 20, 20_000);
      await new Promise((r) => setTimeout(r, 1000));
      const recipients = fake.delivered.map((m) => m.to[0]).sort();
      expect(recipients).toHaveLength(20);
      expect(new Set(recipients).size).toBe(20);
    } finally {
      await runtime.stop();
    }
  }, 120_000);
});
