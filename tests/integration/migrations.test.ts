/**
 * Guards the offline migration tooling: all committed migrations applied to one empty database
 * and the SQL of diff(empty -> schema.prisma) applied to another give the same schema
 * (pg_dump --schema-only). Hand-written objects (functions, triggers) are compared separately.
 */
import { execFileSync } from "node:child_process";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrationsWasm, datamodel, diffSql, migrationNames, SCHEMA_PATH } from "../../scripts/lib/schema-engine.ts";
import { TEST_PG_ADMIN_URL, testDbUrl } from "../support/test-env.ts";

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function dump(url: string): string {
  return execFileSync("pg_dump", ["--schema-only", "--no-owner", "--no-privileges", "--exclude-table=_prisma_migrations", url], { encoding: "utf8" });
}

/** The dump without hand-written objects (and without pg_dump's comment/SET noise). */
function prismaManaged(sqlDump: string): string {
  return sqlDump
    .split(/\n(?=-- Name: )/)
    .filter((block) => !/^-- Name: .*; Type: (FUNCTION|TRIGGER);/.test(block))
    .join("\n")
    .split("\n")
    .filter((l) => !l.startsWith("--") && !l.startsWith("SET ") && !l.startsWith("SELECT pg_catalog.set_config") && !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict") && l.trim() !== "")
    .join("\n");
}

describe("migrations", () => {
  it("agree with schema.prisma", async () => {
    const suffix = process.env.TEST_DB_NAME!;
    const viaMigrations = `${suffix}_m`;
    const viaDiff = `${suffix}_d`;
    await adminQuery(`CREATE DATABASE "${viaMigrations}"`);
    await adminQuery(`CREATE DATABASE "${viaDiff}"`);
    try {
      const applied = await applyMigrationsWasm(testDbUrl(viaMigrations));
      expect(applied).toEqual(migrationNames());
      const sql = await diffSql(testDbUrl(viaDiff), { tag: "empty" }, datamodel(SCHEMA_PATH));
      const c = new pg.Client({ connectionString: testDbUrl(viaDiff) });
      await c.connect();
      await c.query(sql);
      await c.end();
      expect(prismaManaged(dump(testDbUrl(viaMigrations)))).toEqual(prismaManaged(dump(testDbUrl(viaDiff))));
      expect(dump(testDbUrl(viaMigrations))).toMatch(/TRIGGER "AuditEvent_append_only"/);
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS "${viaMigrations}" WITH (FORCE)`);
      await adminQuery(`DROP DATABASE IF EXISTS "${viaDiff}" WITH (FORCE)`);
    }
  });

  it("records applied migrations with Prisma's checksum (sha256 of migration.sql)", async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    const { rows } = await c.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    await c.end();
    const { createHash } = await import("node:crypto");
    const { readFileSync } = await import("node:fs");
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames());
    for (const r of rows) {
      const sql = readFileSync(`prisma/migrations/${r.migration_name}/migration.sql`);
      expect(r.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(r.finished_at).not.toBeNull();
    }
  });
});
