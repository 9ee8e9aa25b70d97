/**
 * Guards the offline migration tooling: all committed migrations applied to one empty database
 * and the SQL of diff(empty -> schema.prisma) applied to another give the same schema
 * (pg_dump --schema-only). Hand-written objects (functions, triggers, extensions and the clients
 * search's trigram index) are compared separately.
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

/**
 * Column order is not part of the schema: ALTER TABLE … ADD COLUMN appends, a fresh CREATE TABLE
 * follows schema.prisma. Sort each CREATE TABLE's column lines (trailing commas dropped).
 */
function withSortedColumns(sqlDump: string): string {
  return sqlDump.replace(/(CREATE TABLE [^\n]+ \(\n)([\s\S]*?)(\n\);)/g, (_m, head: string, body: string, tail: string) => {
    const columns = body.split("\n").map((l) => l.replace(/,$/, "")).sort();
    return head + columns.join("\n") + tail;
  });
}

/** Indexes written by hand in a migration (Prisma's schema language can't express them). */
const HAND_WRITTEN_INDEXES = ["Client_companyId_searchText_trgm_idx"];

/** The dump without hand-written objects (and without pg_dump's comment/SET noise). */
function prismaManaged(sqlDump: string): string {
  return withSortedColumns(sqlDump)
    .split(/\n(?=-- Name: )/)
    .filter((block) => !/^-- Name: .*; Type: (FUNCTION|TRIGGER|EXTENSION);/.test(block) && !/^-- Name: EXTENSION .*; Type: COMMENT;/.test(block))
    .filter((block) => !HAND_WRITTEN_INDEXES.some((name) => block.startsWith(`-- Name: ${name}; Type: INDEX;`)))
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
      const migrated = dump(testDbUrl(viaMigrations));
      expect(migrated).toMatch(/TRIGGER "AuditEvent_append_only"/);
      expect(migrated).toMatch(/CREATE EXTENSION IF NOT EXISTS pg_trgm /);
      expect(migrated).toMatch(/CREATE EXTENSION IF NOT EXISTS btree_gin /);
      expect(migrated).toMatch(/CREATE INDEX "Client_companyId_searchText_trgm_idx" ON public\."Client" USING gin \("companyId", "searchText" public\.gin_trgm_ops\);/);
      expect(dump(testDbUrl(viaDiff))).not.toMatch(/Client_companyId_searchText_trgm_idx/);
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
