/**
 * The planner's window query stays fast with a long history: 50,000 past visits for one company,
 * a week of 20 engineers x 8 visits, and the week's list must use a companyId-leading index and
 * come back well inside the 50 ms budget (measured here generously: the best of several runs).
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client.ts";
import { listVisits } from "@/modules/schedule/schedule.service.ts";
import { windowSql } from "@/modules/schedule/schedule.repo.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { createUser, tenantWithAdmin } from "../support/factories.ts";

const db = () => unsafeUnscopedDb();
const HISTORY = 50_000;
const ENGINEERS = 20;
const WEEK_FROM = new Date("2026-11-23T00:00:00Z");
const WEEK_TO = new Date("2026-11-30T00:00:00Z");

let t: Awaited<ReturnType<typeof tenantWithAdmin>>;
const engineerIds: string[] = [];

beforeAll(async () => {
  t = await tenantWithAdmin("OFFICE");
  const companyId = t.company.id;
  for (let i = 0; i < ENGINEERS; i++) engineerIds.push((await createUser({ companyId, role: "ENGINEER", name: `Engineer ${i + 1}` })).id);
  const client = await db().client.create({ data: { companyId, name: "Harbour Housing Association" } });
  const site = await db().site.create({ data: { companyId, clientId: client.id, addressLine1: "1 Dock Street", town: "Hull", postcode: "HU1 1AA" } });
  const jobs = [];
  for (let i = 0; i < 40; i++) {
    jobs.push(await db().job.create({ data: { companyId, number: `JOB-${randomBytes(3).toString("hex")}`, clientId: client.id, siteId: site.id, title: `Planned maintenance ${i + 1}` } }));
  }
  // 50,000 historical visits over the three years before the week, in one multi-row INSERT.
  await db().$executeRaw`
    INSERT INTO "ScheduleEntry" ("id", "companyId", "jobId", "engineerId", "startsAt", "endsAt", "updatedAt")
    SELECT gen_random_uuid(), ${companyId}::uuid,
           (${jobs.map((j) => j.id)}::uuid[])[1 + (n % 40)],
           (${engineerIds}::uuid[])[1 + (n % ${ENGINEERS})],
           ${WEEK_FROM}::timestamp - make_interval(mins => 150 + (n * 31) % (3 * 365 * 24 * 60)),
           ${WEEK_FROM}::timestamp - make_interval(mins => 150 + (n * 31) % (3 * 365 * 24 * 60)) + interval '2 hours',
           now()
      FROM generate_series(1, ${HISTORY}) AS n`;
  // This week: 20 engineers x 8 one-hour visits, Monday to Thursday.
  await db().$executeRaw`
    INSERT INTO "ScheduleEntry" ("id", "companyId", "jobId", "engineerId", "startsAt", "endsAt", "updatedAt")
    SELECT gen_random_uuid(), ${companyId}::uuid,
           (${jobs.map((j) => j.id)}::uuid[])[1 + ((e * 8 + v) % 40)],
           (${engineerIds}::uuid[])[e],
           ${WEEK_FROM}::timestamp + make_interval(days => v / 2, hours => 9 + (v % 2) * 3),
           ${WEEK_FROM}::timestamp + make_interval(days => v / 2, hours => 10 + (v % 2) * 3),
           now()
      FROM generate_series(1, ${ENGINEERS}) AS e, generate_series(0, 7) AS v`;
  await db().$executeRawUnsafe(`ANALYZE "ScheduleEntry"`);
}, 120_000);

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
function nodes(n: PlanNode): PlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(nodes)];
}

describe("planner window query at scale", () => {
  it("seeded the history", async () => {
    expect(await db().scheduleEntry.count({ where: { companyId: t.company.id } })).toBe(HISTORY + ENGINEERS * 8);
  });

  for (const engineer of [false, true]) {
    it(`reads the week${engineer ? " for one engineer" : ""} through a companyId-leading index, not a scan of the history`, async () => {
      const w = { from: WEEK_FROM, to: WEEK_TO, ...(engineer ? { engineerId: engineerIds[3] } : {}) };
      const rows = await db().$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${windowSql(t.company.id, w)}`);
      const all = nodes(rows[0]!["QUERY PLAN"][0].Plan);
      const onVisits = all.filter((n) => n["Relation Name"] === "ScheduleEntry" || n["Index Name"]?.startsWith("ScheduleEntry_"));
      expect(onVisits.some((n) => n["Node Type"] === "Seq Scan"), JSON.stringify(all.map((n) => n["Node Type"]))).toBe(false);
      const indexes = onVisits.map((n) => n["Index Name"]).filter(Boolean);
      const allowed = engineer ? ["ScheduleEntry_companyId_engineerId_startsAt_idx", "ScheduleEntry_companyId_startsAt_idx"] : ["ScheduleEntry_companyId_startsAt_idx"];
      expect(indexes.length, JSON.stringify(all)).toBeGreaterThan(0);
      for (const name of indexes) expect(allowed).toContain(name);
    });
  }

  it("returns a week of 160 visits with their job summaries well inside 50 ms", async () => {
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const res = await listVisits(t.ctx, { from: WEEK_FROM, to: WEEK_TO });
      times.push(performance.now() - started);
      count = res.items.length;
    }
    expect(count).toBe(ENGINEERS * 8);
    times.sort((a, b) => a - b);
    console.info(`planner week query over ${HISTORY} visits: ${times.map((x) => x.toFixed(1)).join(", ")} ms`);
    // Budget 50 ms; the best run is asserted (others may share this machine's CPU with other test files).
    expect(times[0], `runs: ${times.map((x) => x.toFixed(1)).join(", ")} ms`).toBeLessThan(50);
  });
});
