import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { readyRedis } from "@/server/redis/redis.ts";
import { workerHeartbeatKey } from "@/server/health/health.ts";

function startWorker(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/worker/main.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
    cwd: process.cwd(),
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, exited, output: () => output };
}

describe("worker process", () => {
  it("exits with a readable list when the environment is incomplete", async () => {
    // Blank values count as unset (and a developer's .env never overrides what is already set).
    const w = startWorker({ NODE_ENV: "test", DATABASE_URL: "mysql://wrong", REDIS_URL: "", LOG_LEVEL: "loud" });
    expect(await w.exited).toBe(1);
    expect(w.output()).toMatch(/Quantract cannot start: Invalid environment:/);
    expect(w.output()).toMatch(/DATABASE_URL must start with postgresql:\/\//);
    expect(w.output()).toMatch(/REDIS_URL is required/);
    expect(w.output()).toMatch(/LOG_LEVEL/);
    expect(w.output()).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  });

  it("starts once PostgreSQL and Redis answer, beats, and stops cleanly on SIGTERM", async () => {
    const w = startWorker({ ...process.env, LOG_LEVEL: "info" });
    const redis = await readyRedis();
    const deadline = Date.now() + 20_000;
    while (!(await redis.get(workerHeartbeatKey())) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(JSON.parse((await redis.get(workerHeartbeatKey()))!).pid).toBe(w.child.pid);
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    expect(w.output()).toMatch(/"msg":"worker stopped"/);
    expect(await redis.get(workerHeartbeatKey())).toBeNull();
  });
});
