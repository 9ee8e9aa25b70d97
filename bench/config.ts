/** Where the benchmark's data lives: BENCH_DATABASE_URL, else `quantract_bench` on DATABASE_URL's server. */
import path from "node:path";
import { withDatabaseName } from "../scripts/lib/database.ts";
import { loadDotEnv } from "../src/server/config/dotenv.ts";

export const BENCH_ROOT = path.resolve(import.meta.dirname, "..");

export function loadBenchEnv(): void {
  loadDotEnv(BENCH_ROOT);
}

export function benchDatabaseUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const base = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/quantract";
  return withDatabaseName(base, "quantract_bench");
}
