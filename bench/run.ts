/**
 * `npm run bench [-- --seconds 10 --warmup 3 --only planner-week,scale --build]`: our production build against a
 * raw-SQL floor, on the dataset from `npm run bench:data`.
 *
 *  1. Builds (`next build`) when there is no build yet (or with --build, when the build is stale).
 *  2. Starts the baseline (bench/baseline-server.ts: node:http + pg) and `next start`, both on the
 *     bench database, both with a pool of 10 connections.
 *  3. Checks each question once: both answer 200 with the same JSON (canonical form), and counts the
 *     SQL statements our request issued (the app runs with BENCH_COUNT_QUERIES=1 for this pass only).
 *  4. Restarts the app without counting and drives each question with the same autocannon load,
 *     10 connections, warm-up first, then the measured round; ours, then the baseline's.
 *  5. The scale curve (clients list, first page, for tenants of 1k, 10k, 24k and 400k clients) and
 *     the engineer portal's first-load JavaScript (every script the page's HTML loads, gzipped).
 * Prints a table, and writes everything as JSON to bench/results/<date>.json.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { BENCH_ROOT, benchDatabaseUrl, loadBenchEnv } from "./config.ts";
import { loadRound, type Round } from "./load.ts";

type TenantMeta = { companyId: string; slug: string; clients: number; token: string; quoteIds: string[]; jobIds: string[]; searchTerm: string; engineerToken?: string; engineerJobIds?: string[] };
export type Dataset = { seed: number; scale: number; anchor: string; tenants: Record<string, TenantMeta> };
type Scenario = { name: string; what: string; kind: "list" | "detail" | "planner" | "report"; tenant: string; paths: string[] };

export const TARGETS = { throughputRatio: 0.7, listDetailP95Ms: 25, plannerP95Ms: 50, scaleRatio: 1.5, engineerFirstLoadKb: 150 };
const CONNECTIONS = 10;

export async function readDataset(databaseUrl: string): Promise<Dataset> {
  const c = new pg.Client({ connectionString: databaseUrl });
  try {
    await c.connect();
    const { rows } = await c.query(`SELECT value FROM bench_meta WHERE key = 'dataset'`);
    if (!rows[0]) throw new Error("no dataset row");
    return rows[0].value as Dataset;
  } catch (err) {
    throw new Error(`No benchmark dataset in ${new URL(databaseUrl).pathname.slice(1)} (${(err as Error).message}). Run \`npm run bench:data\` first.`);
  } finally {
    await c.end().catch(() => undefined);
  }
}

export const cookieFor = (token: string) => `qt_session=${token}`;

/** Paths of the measured questions; the clients cursor comes from the first page. */
export async function scenarios(d: Dataset, firstPage: (tenant: string, path: string) => Promise<{ nextCursor: string | null }>): Promise<Scenario[]> {
  const large = d.tenants.large!;
  const anchor = new Date(d.anchor);
  const weekEnd = new Date(anchor.getTime() + 7 * 86_400_000);
  const term = encodeURIComponent(large.searchTerm);
  const page1 = await firstPage("large", `/api/admin/clients?q=${term}`);
  return [
    { name: "clients-search", what: `clients list, search "${large.searchTerm}", 2nd page (cursor)`, kind: "list", tenant: "large", paths: [`/api/admin/clients?q=${term}${page1.nextCursor ? `&cursor=${page1.nextCursor}` : ""}`] },
    { name: "quote-detail", what: "quote detail with lines (50 quotes in turn)", kind: "detail", tenant: "large", paths: large.quoteIds.map((id) => `/api/admin/quotes/${id}`) },
    { name: "invoices-overdue", what: "invoices list, status ISSUED + overdue, with totals", kind: "list", tenant: "large", paths: ["/api/admin/invoices?status=ISSUED&overdue=true"] },
    { name: "job-detail", what: "job detail (50 jobs in turn)", kind: "detail", tenant: "large", paths: large.jobIds.map((id) => `/api/admin/jobs/${id}`) },
    { name: "planner-week", what: "planner week, large tenant", kind: "planner", tenant: "large", paths: [`/api/admin/schedule?from=${anchor.toISOString()}&to=${weekEnd.toISOString()}`] },
    { name: "small-invoices", what: `invoices list, small tenant (${d.tenants.small!.clients} clients)`, kind: "list", tenant: "small", paths: ["/api/admin/invoices"] },
    // Last: the heaviest question (every open invoice of the large tenant) should not delay the others.
    { name: "aging", what: "A/R aging report, large tenant", kind: "report", tenant: "large", paths: ["/api/admin/reports/aging"] },
  ];
}

/** JSON with object keys sorted, so two servers' answers compare regardless of key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v));
}

/** Where two JSON values first differ ("items[3].postcodes"), or null when equal. */
export function firstDifference(a: unknown, b: unknown, at = "$"): string | null {
  if (canonical(a) === canonical(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}.length (${a.length} vs ${b.length})`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return `${at} (${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)})`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, seconds = 90): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (code ${child.exitCode})`);
    try {
      // Any answer means the server is up (a health check may say 503 while the machine is busy).
      await fetch(url).then((r) => r.arrayBuffer());
      return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

type Server = { base: string; stop: () => Promise<void> };

/** Servers this run started: stopped on Ctrl-C / SIGTERM too, so none outlives the benchmark. */
const children = new Set<ChildProcess>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const c of children) c.kill("SIGTERM");
    process.exit(130);
  });
}

async function startProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv, readyPath: string, logFile: string): Promise<Server> {
  const port = Number(env.PORT);
  const log = openSync(logFile, "a");
  const child = spawn(cmd, args, { cwd: BENCH_ROOT, env, stdio: ["ignore", log, log] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}${readyPath}`, child);
  } catch (err) {
    child.kill("SIGTERM");
    throw err;
  }
  return {
    base,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

function startApp(databaseUrl: string, port: number, countQueries: boolean, logFile: string): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: "10",
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    SESSION_COOKIE_SECURE: "false",
    // The measured questions only read; nothing is sent (production would otherwise demand Resend).
    EMAIL_TRANSPORT: process.env.EMAIL_TRANSPORT === "resend" && process.env.RESEND_API_KEY ? "resend" : "mailbox",
    REDIS_PREFIX: "qt-bench",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    BENCH_COUNT_QUERIES: countQueries ? "1" : "",
  };
  return startProcess(process.execPath, [path.join(BENCH_ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], env, "/api/health", logFile);
}

function startBaselineProcess(databaseUrl: string, port: number, logFile: string): Promise<Server> {
  const env = { ...process.env, BENCH_DATABASE_URL: databaseUrl, BASELINE_PORT: String(port), PORT: String(port) };
  return startProcess(process.execPath, ["--import", "tsx", path.join(BENCH_ROOT, "bench/baseline-server.ts")], env, "/health", logFile);
}

async function getJson(base: string, p: string, cookie: string): Promise<{ status: number; json: unknown; queries: number | null }> {
  const res = await fetch(`${base}${p}`, { headers: { cookie, accept: "application/json" } });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text.slice(0, 200);
  }
  const q = res.headers.get("x-query-count");
  return { status: res.status, json, queries: q === null ? null : Number(q) };
}

/**
 * autocannon stops sending when its time is up, but a slow question's last requests are still being
 * answered: wait until one more request comes back, so the next round starts on an idle server.
 */
async function drain(base: string, p: string, cookie: string): Promise<void> {
  await fetch(`${base}${p}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
}

/** First-load JS of a page: every external script its HTML loads, gzipped (what a phone downloads on first visit). */
async function firstLoadJs(base: string, p: string, cookie: string): Promise<{ status: number; scripts: number; gzipKb: number }> {
  const res = await fetch(`${base}${p}`, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  // `noModule` scripts (legacy polyfills) are skipped by every browser that runs modules, as in Next's own figure.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((m) => !/\snoModule/i.test(m[0]));
  const srcs = [...new Set(tags.map((m) => m[1]!.replace(/&amp;/g, "&")))];
  let bytes = 0;
  for (const src of srcs) {
    const js = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += gzipSync(js).length;
  }
  return { status: res.status, scripts: srcs.length, gzipKb: Math.round((bytes / 1024) * 10) / 10 };
}

/** Builds when there is no production build yet, or when asked (`--build`: the build is older than the code). */
function ensureBuild(force: boolean) {
  if (!force && existsSync(path.join(BENCH_ROOT, ".next/BUILD_ID"))) return;
  console.log("Running `next build` (several minutes on this machine)…");
  const r = spawnSync(process.execPath, [path.join(BENCH_ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: BENCH_ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("next build failed");
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
}

const fmt = (n: number | null | undefined, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? "–" : n.toFixed(d));

async function main() {
  loadBenchEnv();
  const seconds = Number(arg("seconds") ?? 10);
  const warmup = Number(arg("warmup") ?? 3);
  const only = arg("only");
  const databaseUrl = benchDatabaseUrl();
  const dataset = await readDataset(databaseUrl);
  ensureBuild(process.argv.includes("--build"));
  const resultsDir = path.join(BENCH_ROOT, "bench/results");
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/:/g, "-").slice(0, 19);
  const logFile = path.join("/tmp", `quantract-bench-${stamp}.log`);
  const started = performance.now();
  console.log(`Dataset: seed ${dataset.seed}, scale ${dataset.scale}, anchor ${dataset.anchor.slice(0, 10)}. ${CONNECTIONS} connections, ${warmup} s warm-up, ${seconds} s measured. Server logs: ${logFile}`);

  const baseline = await startBaselineProcess(databaseUrl, await freePort(), logFile);
  const appPort = await freePort();
  let app: Server | null = null;
  const results: Record<string, unknown>[] = [];
  try {
    app = await startApp(databaseUrl, appPort, true, logFile);
    const cookieOf = (tenant: string) => cookieFor(dataset.tenants[tenant]!.token);
    const all = await scenarios(dataset, async (tenant, p) => (await getJson(baseline.base, p, cookieOf(tenant))).json as { nextCursor: string | null });
    const chosen = all.filter((s) => !only || only.split(",").includes(s.name));

    // Pass 1: correctness (same JSON) and SQL statements per request.
    const checks = new Map<string, { queries: number | null; same: boolean; difference: string | null }>();
    for (const s of chosen) {
      const ours = await getJson(app.base, s.paths[0]!, cookieOf(s.tenant));
      const floor = await getJson(baseline.base, s.paths[0]!, cookieOf(s.tenant));
      if (ours.status !== 200 || floor.status !== 200) throw new Error(`${s.name}: ours ${ours.status}, baseline ${floor.status}: ${JSON.stringify(ours.json).slice(0, 300)} / ${JSON.stringify(floor.json).slice(0, 300)}`);
      const difference = firstDifference(ours.json, floor.json);
      checks.set(s.name, { queries: ours.queries, same: difference === null, difference });
      if (difference) console.warn(`  ! ${s.name}: the baseline's JSON differs from ours at ${difference}`);
    }
    const engineer = dataset.tenants.large!;
    const engineerPages = ["/engineer", "/engineer/jobs", ...(engineer.engineerJobIds?.length ? [`/engineer/jobs/${engineer.engineerJobIds[0]}`] : []), "/engineer/account"];
    const firstLoad: Record<string, { status: number; scripts: number; gzipKb: number }> = {};
    for (const p of engineerPages) firstLoad[p] = await firstLoadJs(app.base, p, cookieFor(engineer.engineerToken ?? engineer.token));
    await app.stop();

    // Pass 2: load, ours then the baseline, same paths, same connections.
    app = await startApp(databaseUrl, appPort, false, logFile);
    const rows: { s: Scenario; ours: Round; floor: Round }[] = [];
    for (const s of chosen) {
      const cookie = cookieOf(s.tenant);
      await loadRound(app.base, s.paths, { cookie, connections: CONNECTIONS, seconds: warmup });
      await drain(app.base, s.paths[0]!, cookie);
      const ours = await loadRound(app.base, s.paths, { cookie, connections: CONNECTIONS, seconds });
      await loadRound(baseline.base, s.paths, { cookie, connections: CONNECTIONS, seconds: warmup });
      await drain(app.base, s.paths[0]!, cookie);
      const floor = await loadRound(baseline.base, s.paths, { cookie, connections: CONNECTIONS, seconds });
      await drain(baseline.base, s.paths[0]!, cookie);
      rows.push({ s, ours, floor });
      console.log(`  ${s.name}: ours ${fmt(ours.rps, 0)} req/s p95 ${fmt(ours.p95)} ms; baseline ${fmt(floor.rps, 0)} req/s p95 ${fmt(floor.p95)} ms`);
    }

    // Scale curve: the clients list's first page for tenants of growing size.
    const scaleTenants = ["scale-1k", "scale-10k", "large", "scale-400k"].filter((t) => dataset.tenants[t]);
    const curve: { tenant: string; clients: number; ours: Round; floor: Round }[] = [];
    if (!only || only.split(",").includes("scale")) {
      for (const t of scaleTenants) {
        const cookie = cookieOf(t);
        const paths = ["/api/admin/clients"];
        await loadRound(app.base, paths, { cookie, connections: CONNECTIONS, seconds: Math.min(warmup, 2) });
        const ours = await loadRound(app.base, paths, { cookie, connections: CONNECTIONS, seconds: Math.max(3, Math.round(seconds / 2)) });
        const floor = await loadRound(baseline.base, paths, { cookie, connections: CONNECTIONS, seconds: Math.max(3, Math.round(seconds / 2)) });
        curve.push({ tenant: t, clients: dataset.tenants[t]!.clients, ours, floor });
      }
    }

    // Report.
    const pad = (s: string, n: number) => s.padEnd(n);
    const lpad = (s: string, n: number) => s.padStart(n);
    console.log("");
    console.log(`${pad("question", 18)}${lpad("ours req/s", 11)}${lpad("base req/s", 11)}${lpad("ratio", 7)}${lpad("ours p50", 10)}${lpad("p95", 8)}${lpad("p99", 8)}${lpad("base p50", 10)}${lpad("p95", 8)}${lpad("p99", 8)}${lpad("SQL/req", 9)}  target`);
    for (const { s, ours, floor } of rows) {
      const check = checks.get(s.name)!;
      const ratio = floor.rps ? ours.rps / floor.rps : NaN;
      const p95Target = s.kind === "planner" ? TARGETS.plannerP95Ms : s.kind === "report" ? null : TARGETS.listDetailP95Ms;
      const met = ratio >= TARGETS.throughputRatio && (p95Target === null || ours.p95 < p95Target) && ours.non2xx === 0 && check.same;
      const notes = [ratio >= TARGETS.throughputRatio ? null : "throughput", p95Target === null || ours.p95 < p95Target ? null : "p95", check.same ? null : "JSON differs", ours.non2xx ? `${ours.non2xx} non-2xx` : null].filter(Boolean);
      console.log(
        `${pad(s.name, 18)}${lpad(fmt(ours.rps, 0), 11)}${lpad(fmt(floor.rps, 0), 11)}${lpad(fmt(ratio, 2), 7)}${lpad(fmt(ours.p50), 10)}${lpad(fmt(ours.p95), 8)}${lpad(fmt(ours.p99), 8)}${lpad(fmt(floor.p50), 10)}${lpad(fmt(floor.p95), 8)}${lpad(fmt(floor.p99), 8)}${lpad(String(check.queries ?? "–"), 9)}  ${met ? "met" : `missed: ${notes.join(", ")}`}`,
      );
      results.push({ name: s.name, what: s.what, tenant: s.tenant, kind: s.kind, ours, baseline: floor, ratio: Math.round(ratio * 100) / 100, sqlPerRequest: check.queries, sameJson: check.same, jsonDifference: check.difference, p95TargetMs: p95Target, targetMet: met });
    }
    let scale: Record<string, unknown> | null = null;
    if (curve.length) {
      console.log("");
      console.log("Scale curve: clients list, first page (ours)");
      for (const c of curve) console.log(`  ${pad(c.tenant, 11)}${lpad(String(c.clients), 8)} clients  ${lpad(fmt(c.ours.rps, 0), 6)} req/s  p50 ${fmt(c.ours.p50)} ms  p95 ${fmt(c.ours.p95)} ms   (baseline p50 ${fmt(c.floor.p50)} ms)`);
      const first = curve[0]!.ours;
      const last = curve[curve.length - 1]!.ours;
      const ratio = last.p50 / first.p50;
      console.log(`  largest ÷ smallest p50: ${fmt(ratio, 2)} (target ≤ ${TARGETS.scaleRatio})`);
      scale = { endpoint: "/api/admin/clients", points: curve.map((c) => ({ tenant: c.tenant, clients: c.clients, ours: c.ours, baseline: c.floor })), p50Ratio: Math.round(ratio * 100) / 100, targetMet: ratio <= TARGETS.scaleRatio };
    }
    console.log("");
    console.log("Engineer portal first-load JS (gzip)");
    for (const [p, r] of Object.entries(firstLoad)) console.log(`  ${pad(p.replace(/[0-9a-f-]{36}/, "<id>"), 22)} ${lpad(fmt(r.gzipKb), 7)} KB in ${r.scripts} scripts (HTTP ${r.status})  ${r.gzipKb < TARGETS.engineerFirstLoadKb && r.status === 200 ? "met" : "missed"}`);

    const out = {
      date: new Date().toISOString(),
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
      dataset,
      settings: { connections: CONNECTIONS, warmupSeconds: warmup, seconds },
      targets: TARGETS,
      results,
      scale,
      engineerFirstLoadJs: firstLoad,
      minutes: Math.round(((performance.now() - started) / 60000) * 10) / 10,
    };
    const file = path.join(resultsDir, `${stamp}.json`);
    writeFileSync(file, `${JSON.stringify({ ...out, dataset: { ...dataset, tenants: Object.fromEntries(Object.entries(dataset.tenants).map(([k, v]) => [k, { companyId: v.companyId, slug: v.slug, clients: v.clients }])) } }, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(BENCH_ROOT, file)} (${out.minutes} min).`);
  } finally {
    await app?.stop();
    await baseline.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
