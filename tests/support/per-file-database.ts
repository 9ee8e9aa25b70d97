/** Before each integration test file: its own database (cloned from the template) and Redis prefix. */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { TEST_PG_ADMIN_URL, baseTestEnv, testDbUrl } from "./test-env.ts";

const runId = inject("runId");
const templateDb = inject("templateDb");
const fileId = randomBytes(4).toString("hex");
const dbName = `qt_t_${runId}_${fileId}`;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// CREATE DATABASE ... TEMPLATE fails if another session is connected to the template; retry briefly.
for (let attempt = 0; ; attempt++) {
  try {
    await admin(`CREATE DATABASE "${dbName}" TEMPLATE "${templateDb}"`);
    break;
  } catch (err) {
    if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
  }
}

Object.assign(process.env, baseTestEnv(testDbUrl(dbName), `qt-test:${runId}:${fileId}`));
process.env.TEST_DB_NAME = dbName;

afterAll(async () => {
  const { disconnectDb } = await import("@/server/db/client.ts");
  const { disconnectRedis } = await import("@/server/redis/redis.ts");
  await disconnectDb();
  await disconnectRedis();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});
