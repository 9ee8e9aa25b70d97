/** Where tests find PostgreSQL and Redis. Refuses anything but a local server (tests drop databases). */
export const TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const host = new URL(TEST_PG_ADMIN_URL).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
  throw new Error(`Tests create and drop databases; refusing a non-local PostgreSQL (${host}).`);
}

export function testDbUrl(name: string): string {
  const u = new URL(TEST_PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Environment a test process (or a child process it spawns) runs with. */
export function baseTestEnv(databaseUrl: string, redisPrefix: string): Record<string, string> {
  return {
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    APP_URL: "http://localhost:3000",
    CRON_SECRET: "test-cron-secret-test-cron-secret-0123456789",
    APP_SECRET: "test-app-secret-test-app-secret-0123456789abcdef",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATABASE_CONNECT_TIMEOUT_MS: "2000",
    EMAIL_TRANSPORT: "mailbox",
    STORAGE_DIR: `/tmp/qt-test-storage/${redisPrefix.replace(/[^a-zA-Z0-9-]/g, "_")}`,
  };
}
