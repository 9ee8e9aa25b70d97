import { afterEach, describe, expect, it, vi } from "vitest";
import { closedPort, startTcpProxy } from "../support/tcp-proxy.ts";
import { call } from "../support/http.ts";

const original = { db: process.env.DATABASE_URL!, redis: process.env.REDIS_URL! };

/** Fresh modules (env is parsed once per module instance) with the given URLs. */
async function healthRoute(env: { db?: string; redis?: string }) {
  const { disconnectDb } = await import("@/server/db/client.ts");
  const { disconnectRedis } = await import("@/server/redis/redis.ts");
  await disconnectDb();
  await disconnectRedis();
  process.env.DATABASE_URL = env.db ?? original.db;
  process.env.REDIS_URL = env.redis ?? original.redis;
  vi.resetModules();
  return (await import("../../app/api/health/route.ts")).GET;
}

function withPort(url: string, port: number) {
  const u = new URL(url);
  u.hostname = "127.0.0.1";
  u.port = String(port);
  return u.toString();
}

afterEach(async () => {
  await healthRoute({});
});

describe("GET /api/health", () => {
  it("is 200 with every part named when PostgreSQL and Redis answer", async () => {
    const res = await call(await healthRoute({}));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "ok", db: "ok", redis: "ok", worker: "stale" });
  });

  it("is 503 naming the database when PostgreSQL does not answer", async () => {
    const started = Date.now();
    const res = await call(await healthRoute({ db: withPort(original.db, await closedPort()) }));
    expect(res.status).toBe(503);
    expect(res.json).toMatchObject({ status: "degraded", db: "down", redis: "ok" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("is 503 naming Redis when Redis does not answer", async () => {
    const res = await call(await healthRoute({ redis: `redis://127.0.0.1:${await closedPort()}` }));
    expect(res.status).toBe(503);
    expect(res.json).toMatchObject({ status: "degraded", db: "ok", redis: "down" });
  });

  it("recovers without a restart when the database comes back", async () => {
    const proxy = await startTcpProxy(Number(new URL(original.db).port || 5432));
    try {
      const GET = await healthRoute({ db: withPort(original.db, proxy.port) });
      expect((await call(GET)).status).toBe(200);
      await proxy.cut();
      expect((await call(GET)).json.db).toBe("down");
      await proxy.restore();
      await vi.waitFor(async () => expect((await call(GET)).status).toBe(200), { timeout: 10_000, interval: 250 });
    } finally {
      await proxy.close();
    }
  });

  it("reports the worker ok while its heartbeat is fresh and stale after 60 s", async () => {
    const GET = await healthRoute({});
    const { readyRedis } = await import("@/server/redis/redis.ts");
    const redis = await readyRedis();
    const { workerHeartbeatKey } = await import("@/server/health/health.ts");
    await redis.set(workerHeartbeatKey(), JSON.stringify({ at: Date.now() - 5_000 }));
    expect((await call(GET)).json.worker).toBe("ok");
    await redis.set(workerHeartbeatKey(), JSON.stringify({ at: Date.now() - 61_000 }));
    const stale = await call(GET);
    expect(stale.json.worker).toBe("stale");
    expect(stale.status).toBe(200); // a stale worker does not make the web unhealthy
  });
});
