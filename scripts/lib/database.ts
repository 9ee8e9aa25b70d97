/** Creating and dropping whole databases (tooling and tests only; never app code). */
import pg from "pg";

export function parseDatabaseUrl(url: string): { adminUrl: string; name: string } {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (!/^[a-zA-Z0-9_-]+$/.test(name)) throw new Error(`Unsupported database name in DATABASE_URL: "${name}"`);
  u.pathname = "/postgres";
  return { adminUrl: u.toString(), name };
}

async function withAdmin<T>(url: string, fn: (c: pg.Client, name: string) => Promise<T>): Promise<T> {
  const { adminUrl, name } = parseDatabaseUrl(url);
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client, name);
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(url: string, template?: string): Promise<boolean> {
  return withAdmin(url, async (c, name) => {
    const found = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    return true;
  });
}

export async function dropDatabase(url: string): Promise<void> {
  await withAdmin(url, async (c, name) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
