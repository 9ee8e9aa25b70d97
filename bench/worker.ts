/**
 * `npm run bench:worker`: end-to-end throughput of the worker on this machine, as JSON.
 *  - emails/s: N emails committed to the outbox → dispatched → claimed → rendered → stored by the
 *    mailbox transport with their audit event (every step of production except the provider).
 *  - PDFs/s: M one-page documents (a 15-row table) through the pdf.render job: thread render,
 *    storage with SHA-256, StoredFile + audit event.
 * Uses its own throwaway database and Redis prefix; never touches the dev database.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { applyMigrationsWasm } from "../scripts/lib/schema-engine.ts";

const EMAILS = Number(process.env.BENCH_EMAILS ?? 3000);
const PDFS = Number(process.env.BENCH_PDFS ?? 150);
const adminUrl = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const id = randomBytes(4).toString("hex");
const dbName = `qt_bench_worker_${id}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(sql);
  await c.end();
}

await admin(`CREATE DATABASE "${dbName}"`);
Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: dbUrl,
  DATABASE_POOL_MAX: "20",
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  REDIS_PREFIX: `qt-bench:${id}`,
  EMAIL_TRANSPORT: "mailbox",
  STORAGE_DIR: `/tmp/qt-bench-storage-${id}`,
  LOG_LEVEL: "silent",
});

try {
  await applyMigrationsWasm(dbUrl);
  const { unsafeUnscopedDb, disconnectDb } = await import("../src/server/db/client.ts");
  const { startRuntime } = await import("../src/worker/runtime.ts");
  const { JOBS } = await import("../src/server/queue/jobs.ts");
  const db = unsafeUnscopedDb();
  const company = await db.company.create({ data: { name: "Bench Electrical Ltd", slug: `bench-${id}` } });

  const runtime = await startRuntime({ queues: [{ queue: "email", concurrency: 50 }, { queue: "pdf", concurrency: 4 }] });

  // Emails
  const emailPayload = (i: number) =>
    JOBS["email.send"].payload.parse({
      companyId: company.id,
      to: [`customer-${i}@example.test`],
      template: "auth.magic_link",
      props: { name: `Customer ${i}`, url: `http://localhost:3000/login/magic/${i}`, minutes: 15 },
      category: "auth",
    });
  const t0 = performance.now();
  for (let i = 0; i < EMAILS; i += 500) {
    await db.outboxMessage.createMany({
      data: Array.from({ length: Math.min(500, EMAILS - i) }, (_, k) => ({
        companyId: company.id,
        queue: "email",
        jobName: "email.send",
        payload: emailPayload(i + k) as object,
        idempotencyKey: `email:bench-${i + k}`,
      })),
    });
  }
  while ((await db.emailMessage.count()) < EMAILS) await new Promise((r) => setTimeout(r, 50));
  const emailSeconds = (performance.now() - t0) / 1000;

  // PDFs
  const events = Array.from({ length: 15 }, (_, i) => ({
    at: `Mon ${i + 1} Nov 2026, 09:30`,
    who: "Sarah Whitfield",
    action: "Updated company settings",
    changes: [{ label: "Payment terms days", before: String(30 + i), after: String(31 + i) }],
  }));
  const t1 = performance.now();
  await db.outboxMessage.createMany({
    data: Array.from({ length: PDFS }, (_, i) => ({
      companyId: company.id,
      queue: "pdf",
      jobName: "pdf.render",
      payload: JOBS["pdf.render"].payload.parse({
        companyId: company.id,
        document: "audit-trail",
        entityType: "AuditExport",
        entityId: `bench-${i}`,
        props: { recordLabel: "Bench", generatedAt: "22 Nov 2026", events },
      }) as object,
      idempotencyKey: `pdf:bench-${i}`,
    })),
  });
  while ((await db.storedFile.count()) < PDFS) await new Promise((r) => setTimeout(r, 50));
  const pdfSeconds = (performance.now() - t1) / 1000;

  await runtime.stop();
  await disconnectDb();

  const result = {
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version },
    emails: { count: EMAILS, seconds: +emailSeconds.toFixed(2), perSecond: Math.round(EMAILS / emailSeconds), transport: "mailbox", target: 300 },
    pdfs: { count: PDFS, seconds: +pdfSeconds.toFixed(2), perSecond: +(PDFS / pdfSeconds).toFixed(1), document: "one page, 15-row table", target: 20 },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}
process.exit(0);
