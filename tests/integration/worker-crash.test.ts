/**
 * The worker as a real process: (b) killed with SIGKILL in the middle of a batch and restarted,
 * every email is delivered exactly once; SIGTERM mid-job lets the job finish and exits 0.
 */
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeResend } from "../support/fake-resend.ts";
import { pointAtFakeResend, waitUntil } from "../support/worker-env.ts";

const fake = await startFakeResend();
pointAtFakeResend(fake);
process.env.JOB_LOCK_MS = "2000";

const { unsafeUnscopedDb } = await import("@/server/db/client.ts");
const { queueEmail } = await import("@/server/email/queue-email.ts");

afterAll(() => fake.close());

function startWorker() {
  const child = spawn(process.execPath, ["--import", "tsx", "src/worker/main.ts"], {
    env: { ...process.env, LOG_LEVEL: "info" },
    cwd: process.cwd(),
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on("exit", (code, signal) => r({ code, signal })));
  return { child, exited, output: () => output };
}

async function enqueue(prefix: string, count: number) {
  for (let i = 0; i < count; i += 50) {
    await unsafeUnscopedDb().$transaction(async (tx) => {
      for (let j = i; j < Math.min(count, i + 50); j++) {
        await queueEmail(tx, {
          companyId: null,
          to: [`${prefix}-${j}@example.test`],
          template: "auth.magic_link",
          props: { name: `User ${j}`, url: `http://localhost:3000/login/magic/${j}`, minutes: 15 },
          category: "auth",
          idempotencyKey: `${prefix}-${j}`,
        });
      }
    });
  }
}

const deliveredTo = (prefix: string) => fake.delivered.filter((m) => m.to[0]!.startsWith(`${prefix}-`)).map((m) => m.to[0]!);

describe("worker process crash and shutdown", () => {
  it("(b) SIGKILL mid-batch, restart: every email delivered exactly once", async () => {
    fake.setDelay(15);
    await enqueue("kill", 200);
    const first = startWorker();
    await waitUntil(() => deliveredTo("kill").length >= 40, 30_000, "first deliveries");
    first.child.kill("SIGKILL");
    const { signal } = await first.exited;
    expect(signal).toBe("SIGKILL");
    const before = deliveredTo("kill").length;
    expect(before).toBeLessThan(200);

    const second = startWorker();
    try {
      await waitUntil(async () => (await unsafeUnscopedDb().emailMessage.count({ where: { idempotencyKey: { startsWith: "email:kill-" } } })) === 200, 60_000, "all 200 recorded");
      await new Promise((r) => setTimeout(r, 1000));
      const all = deliveredTo("kill");
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
      expect(await unsafeUnscopedDb().jobExecution.count({ where: { idempotencyKey: { startsWith: "email:kill-" }, status: "COMPLETED" } })).toBe(200);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
      fake.setDelay(0);
    }
  }, 120_000);

  it("SIGTERM mid-job: stops taking jobs, finishes the one in flight, exits 0", async () => {
    fake.setDelay(1500);
    const requestsBefore = fake.requests;
    await enqueue("term", 3);
    const w = startWorker();
    await waitUntil(() => fake.requests > requestsBefore, 30_000, "a job in flight");
    const sentAt = Date.now();
    w.child.kill("SIGTERM");
    const { code } = await w.exited;
    expect(code).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(16_000);
    expect(w.output()).toMatch(/"msg":"worker stopped"/);
    // Whatever reached the provider was recorded before exit: nothing half-done.
    const delivered = deliveredTo("term");
    expect(delivered.length).toBeGreaterThanOrEqual(1);
    const recorded = await unsafeUnscopedDb().emailMessage.findMany({ where: { idempotencyKey: { startsWith: "email:term-" } } });
    expect(recorded.map((r) => r.to[0]).sort()).toEqual([...delivered].sort());
    fake.setDelay(0);
  }, 60_000);
});
