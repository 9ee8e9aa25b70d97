/**
 * Prisma migrations without the native schema engine.
 *
 * Prisma 7's CLI downloads a native schema engine for `migrate`; machines without internet
 * cannot. The WASM build of the same engine applies committed migrations (recording them in
 * `_prisma_migrations` with Prisma's own checksums, exactly like `prisma migrate deploy`) and
 * diffs two datamodels into SQL. Where the native engine exists we use the Prisma CLI instead.
 * See docs/decisions/0001-offline-migrations.md.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
/** Each migration folder keeps the schema as it stood after it: the base for the next diff. */
export const SNAPSHOT_FILE = "schema.prisma";

const require = createRequire(import.meta.url);

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

let wasmReady: Promise<{ SchemaEngine: { new: (o: unknown, log: (m: string) => void, f: unknown) => Promise<Engine> } }> | undefined;

async function loadWasm() {
  wasmReady ??= (async () => {
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Record<string, unknown> & {
      __wbg_set_wasm(e: unknown): void;
    };
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg as never;
  })();
  return wasmReady;
}

/** True when the Prisma CLI can run migrate itself (a native schema engine is present). */
export function nativeSchemaEngineAvailable(): boolean {
  const override = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (override && existsSync(override) && !override.endsWith("/true")) return true;
  const enginesDir = path.join(ROOT, "node_modules/@prisma/engines");
  return existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine-"));
}

/**
 * adapter-pg 7.10 runs a migration script by splitting it on ";", which breaks any statement
 * holding a semicolon (function bodies, string literals). Send each migration as one
 * simple-protocol query instead, as the native engine does: PostgreSQL runs it atomically.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as { query(sql: string): Promise<unknown> };
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

async function withEngine<T>(databaseUrl: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  const factory = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg({ connectionString: databaseUrl, max: 2 }));
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, readFileSync(SCHEMA_PATH, "utf8")]] },
    (m: string) => logs.push(m),
    factory,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

export function migrationNames(): string[] {
  if (!existsSync(MIGRATIONS_DIR)) return [];
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

function migrationsList() {
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: migrationNames().map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies every committed migration not yet recorded in `_prisma_migrations`. */
export async function applyMigrationsWasm(databaseUrl: string): Promise<string[]> {
  return withEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters: noFilters });
    return out.appliedMigrationNames;
  });
}

type DiffSide = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

export function datamodel(filePath: string, content = readFileSync(filePath, "utf8")): DiffSide {
  return { tag: "schemaDatamodel", files: [{ path: filePath, content }] };
}

/** SQL that takes a database from `from` to `to`; touches no database. */
export async function diffSql(databaseUrl: string, from: DiffSide, to: DiffSide): Promise<string> {
  return withEngine(databaseUrl, async (engine) => {
    const out = await engine.diff({ from, to, script: true, exitCode: null, filters: noFilters });
    return out.stdout ?? "";
  });
}

/** The schema as it stood after the newest migration, or "empty" before the first. */
export function lastSnapshot(): DiffSide {
  const names = migrationNames();
  for (const name of names.reverse()) {
    const p = path.join(MIGRATIONS_DIR, name, SNAPSHOT_FILE);
    if (existsSync(p)) return datamodel(p);
  }
  return { tag: "empty" };
}
