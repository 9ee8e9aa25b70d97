/**
 * Once per integration run: migrate a template database; each test file clones it (fast), so
 * files run in parallel on isolated data. Everything this run created is dropped at the end.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrationsWasm } from "../../scripts/lib/schema-engine.ts";
import { TEST_PG_ADMIN_URL, testDbUrl } from "./test-env.ts";

declare module "vitest" {
  export interface ProvidedContext {
    runId: string;
    templateDb: string;
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function dropRunDatabases(runId: string) {
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`qt_t_${runId}%`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString("hex");
  const templateDb = `qt_t_${runId}_tpl`;
  await admin((c) => c.query(`CREATE DATABASE "${templateDb}"`));
  await applyMigrationsWasm(testDbUrl(templateDb));
  project.provide("runId", runId);
  project.provide("templateDb", templateDb);
  return async () => dropRunDatabases(runId);
}
