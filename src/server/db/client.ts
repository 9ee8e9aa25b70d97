/**
 * The one PrismaClient per process. Application code never uses it directly for tenant data:
 * repos get `ctx.db` (tenant-scoped, see tenancy.ts). The raw client is exported only under an
 * `unsafe…` name for the rare platform-level query (sessions, platform console, outbox dispatch).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client.ts";
import { env } from "../config/env.ts";
import { logger } from "../logging/logger.ts";
import { countingAdapter } from "./query-count.ts";

function createClient(): PrismaClient {
  const e = env();
  const adapter = new PrismaPg(
    {
      connectionString: e.DATABASE_URL,
      max: e.DATABASE_POOL_MAX,
      // adapter-pg defaults to waiting forever for a connection: fail fast so a down database is a 503.
      connectionTimeoutMillis: e.DATABASE_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
    },
    { onPoolError: (err) => logger.warn({ err: err.message }, "database pool client error") },
  );
  return new PrismaClient({ adapter: countingAdapter(adapter) });
}

const globalForPrisma = globalThis as unknown as { __qtPrisma?: PrismaClient };

/** Raw client: bypasses tenant scoping. Only for platform-level code; name says so on purpose. */
export function unsafeUnscopedDb(): PrismaClient {
  globalForPrisma.__qtPrisma ??= createClient();
  return globalForPrisma.__qtPrisma;
}

export async function disconnectDb(): Promise<void> {
  const client = globalForPrisma.__qtPrisma;
  globalForPrisma.__qtPrisma = undefined;
  await client?.$disconnect();
}
