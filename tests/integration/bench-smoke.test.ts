/**
 * Keeps the performance harness from rotting (the benchmark itself is not part of `npm test`):
 * the data generator at 1/1000 scale into a throwaway database (its invariants checked), one short
 * autocannon round against the baseline server, and every measured question answered in-process by
 * our route handlers on that data: the same JSON as the baseline, with the bench-only SQL statement
 * count in `x-query-count`.
 */
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/data.ts";
import { startBaseline } from "../../bench/baseline-server.ts";
import { loadRound } from "../../bench/load.ts";
import { cookieFor, firstDifference, readDataset, scenarios } from "../../bench/run.ts";
import { dropDatabase, withDatabaseName } from "../../scripts/lib/database.ts";
import type { RouteHandler } from "@/server/http/route.ts";

const benchUrl = withDatabaseName(process.env.DATABASE_URL!, `${process.env.TEST_DB_NAME}_bench`);

afterAll(async () => {
  const { disconnectDb } = await import("@/server/db/client.ts");
  await disconnectDb();
  await dropDatabase(benchUrl);
});

async function sql<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: benchUrl });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

describe("performance harness (smoke)", () => {
  it("generates a consistent dataset, drives the baseline, and our handlers answer the same JSON", { timeout: 120_000 }, async () => {
    const { rows, total } = await generateDataset({ scale: 0.001, seed: 7, databaseUrl: benchUrl, log: () => undefined });
    expect(rows.Company).toBe(201);
    for (const table of ["Client", "Site", "Quote", "QuoteLine", "Job", "ScheduleEntry", "Invoice", "InvoiceLine", "Payment", "AuditEvent"]) expect(rows[table], table).toBeGreaterThan(0);
    expect(total).toBe(Object.values(rows).reduce((a, b) => a + b, 0));

    // Invariants: gapless numbers matching the counters, invoice totals = their lines, paid = payments.
    const gaps = await sql<{ n: number }>(`
      SELECT count(*)::int AS n FROM (
        SELECT "companyId", count(*) AS c, max(substring("number" FROM '[0-9]+$')::int) AS m FROM "Invoice" WHERE "number" IS NOT NULL GROUP BY 1
        UNION ALL SELECT "companyId", count(*), max(substring("number" FROM '[0-9]+$')::int) FROM "Quote" GROUP BY 1
        UNION ALL SELECT "companyId", count(*), max(substring("number" FROM '[0-9]+$')::int) FROM "Job" GROUP BY 1) x
      WHERE c <> m`);
    expect(gaps[0]!.n).toBe(0);
    const counters = await sql<{ n: number }>(`
      SELECT count(*)::int AS n FROM "Counter" k
       WHERE k."value" <> CASE k."key" WHEN 'quote' THEN (SELECT count(*) FROM "Quote" q WHERE q."companyId" = k."companyId")
                                      WHEN 'job' THEN (SELECT count(*) FROM "Job" j WHERE j."companyId" = k."companyId")
                                      ELSE (SELECT count(*) FROM "Invoice" i WHERE i."companyId" = k."companyId" AND i."number" IS NOT NULL) END`);
    expect(counters[0]!.n).toBe(0);
    const totals = await sql<{ n: number }>(`
      SELECT count(*)::int AS n FROM "Invoice" i
       WHERE i."netPence" <> (SELECT sum(l."netPence") FROM "InvoiceLine" l WHERE l."companyId" = i."companyId" AND l."invoiceId" = i."id")
          OR i."grossPence" <> i."netPence" + i."vatPence"
          OR i."paidPence" <> COALESCE((SELECT sum(p."amountPence") FROM "Payment" p WHERE p."companyId" = i."companyId" AND p."invoiceId" = i."id"), 0)`);
    expect(totals[0]!.n).toBe(0);
    const overdue = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Invoice" WHERE "status" IN ('ISSUED', 'PART_PAID') AND "dueDate" < now()`);
    expect(overdue[0]!.n).toBeGreaterThan(0);

    const dataset = await readDataset(benchUrl);
    expect(Object.keys(dataset.tenants).sort()).toEqual(["large", "scale-10k", "scale-1k", "scale-400k", "small"]);
    const baseline = await startBaseline(benchUrl);
    const base = `http://127.0.0.1:${baseline.port}`;
    try {
      const get = async (tenant: string, path: string) => {
        const res = await fetch(`${base}${path}`, { headers: { cookie: cookieFor(dataset.tenants[tenant]!.token) } });
        return { status: res.status, json: (await res.json()) as { nextCursor: string | null } };
      };
      const all = await scenarios(dataset, async (tenant, path) => (await get(tenant, path)).json);
      expect(all.map((s) => s.name)).toEqual(["clients-search", "quote-detail", "invoices-overdue", "job-detail", "planner-week", "small-invoices", "aging"]);

      // The baseline refuses a request without a session, like the app.
      expect((await fetch(`${base}/api/admin/clients`)).status).toBe(401);

      // One short load round against the baseline.
      const clients = all[0]!;
      const round = await loadRound(base, clients.paths, { cookie: cookieFor(dataset.tenants.large!.token), connections: 4, seconds: 1 });
      expect(round.requests).toBeGreaterThan(10);
      expect(round.non2xx).toBe(0);
      expect(round.p50).toBeGreaterThan(0);
      expect(round.p99).toBeGreaterThanOrEqual(round.p50);

      // Our handlers, in-process, on the bench database, counting SQL statements.
      process.env.DATABASE_URL = benchUrl;
      process.env.BENCH_COUNT_QUERIES = "1";
      const handlers: Record<string, { handler: RouteHandler; params: (path: string) => Record<string, string> }> = {
        "clients-search": { handler: (await import("../../app/api/admin/clients/route.ts")).GET, params: () => ({}) },
        "quote-detail": { handler: (await import("../../app/api/admin/quotes/[id]/route.ts")).GET, params: (p) => ({ id: p.split("/").pop()! }) },
        "invoices-overdue": { handler: (await import("../../app/api/admin/invoices/route.ts")).GET, params: () => ({}) },
        "job-detail": { handler: (await import("../../app/api/admin/jobs/[id]/route.ts")).GET, params: (p) => ({ id: p.split("/").pop()! }) },
        "planner-week": { handler: (await import("../../app/api/admin/schedule/route.ts")).GET, params: () => ({}) },
        aging: { handler: (await import("../../app/api/admin/reports/aging/route.ts")).GET, params: () => ({}) },
        "small-invoices": { handler: (await import("../../app/api/admin/invoices/route.ts")).GET, params: () => ({}) },
      };
      const { call } = await import("../support/http.ts");
      for (const s of all) {
        expect(s.paths.length, s.name).toBeGreaterThan(0);
        const path = s.paths[0]!;
        const h = handlers[s.name]!;
        const ours = await call(h.handler, { path, params: h.params(path), token: dataset.tenants[s.tenant]!.token });
        expect(ours.status, `${s.name}: ${ours.text.slice(0, 200)}`).toBe(200);
        const floor = await get(s.tenant, path);
        expect(floor.status, s.name).toBe(200);
        expect(firstDifference(ours.json, floor.json), s.name).toBeNull();
        expect(Number(ours.headers.get("x-query-count")), s.name).toBeGreaterThanOrEqual(2); // the session statement and at least one of its own
      }
    } finally {
      await baseline.stop();
    }
  });
});
