/**
 * The server Playwright drives: a fresh database (migrated + seeded), a private Redis prefix, a
 * worker, and `next start` of the production build. Everything is dropped when it exits.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createDatabaseIfMissing, dropDatabase } from "../../scripts/lib/database.ts";
import { applyMigrationsWasm } from "../../scripts/lib/schema-engine.ts";
import { startFakeStripe } from "./fake-stripe.ts";
import { baseTestEnv, testDbUrl } from "./test-env.ts";

const port = process.env.E2E_PORT ?? "3210";
const id = randomBytes(4).toString("hex");
const databaseUrl = testDbUrl(`qt_e2e_${id}`);
const env = {
  ...process.env,
  ...baseTestEnv(databaseUrl, `qt-e2e:${id}`),
  NODE_ENV: "production",
  APP_URL: `http://localhost:${port}`,
  PORT: port,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
} as NodeJS.ProcessEnv;

// Card payments against a local fake Stripe: the app calls its API, the browser visits its hosted
// Checkout/onboarding pages, and it delivers signed webhooks back to the app.
const fakeStripe = await startFakeStripe({ webhookUrl: `http://localhost:${port}/api/webhooks/stripe` });
Object.assign(env, { STRIPE_SECRET_KEY: fakeStripe.apiKey, STRIPE_WEBHOOK_SECRET: fakeStripe.webhookSecret, STRIPE_API_BASE: fakeStripe.url });

await createDatabaseIfMissing(databaseUrl);
await applyMigrationsWasm(databaseUrl);
Object.assign(process.env, env);
const { seed } = await import("../../prisma/seed.ts");
await seed();
const { disconnectDb } = await import("../../src/server/db/client.ts");
await disconnectDb();

const children: ChildProcess[] = [
  spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { env, stdio: "inherit" }),
  spawn(process.execPath, ["--import", "tsx", "src/worker/main.ts"], { env, stdio: "inherit" }),
];

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r)))));
  await fakeStripe.close();
  await dropDatabase(databaseUrl);
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
for (const c of children) c.on("exit", (code) => !stopping && (console.error(`e2e child exited with ${code}`), void stop()));
