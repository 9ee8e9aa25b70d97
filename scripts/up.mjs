#!/usr/bin/env node
/**
 * `npm run up`: one command from a fresh clone to a running product.
 * Installs dependencies (dev ones too, whatever NODE_ENV says), writes .env with fresh secrets if
 * there is none, creates and migrates the database, seeds demo data, builds, then runs the web
 * (on PORT, default 3000) and the worker until Ctrl-C stops both.
 * Plain Node on purpose: it runs before anything is installed.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function step(title, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function writeEnvIfMissing() {
  const envPath = path.join(root, ".env");
  if (existsSync(envPath)) {
    console.log("\n✔ .env exists; keeping it.");
    return;
  }
  let text = readFileSync(path.join(root, ".env.example"), "utf8");
  text = text.replace(/^CRON_SECRET=.*$/m, `CRON_SECRET=${randomBytes(32).toString("base64url")}`);
  text = text.replace(/^APP_SECRET=.*$/m, `APP_SECRET=${randomBytes(32).toString("base64url")}`);
  // A local install keeps mail in the built-in mailbox (Admin → System → Mailbox) until Resend is configured.
  text = text.replace(/^EMAIL_TRANSPORT=.*$/m, "EMAIL_TRANSPORT=mailbox");
  if (process.env.DATABASE_URL) text = text.replace(/^DATABASE_URL=.*$/m, `DATABASE_URL=${process.env.DATABASE_URL}`);
  if (process.env.REDIS_URL) text = text.replace(/^REDIS_URL=.*$/m, `REDIS_URL=${process.env.REDIS_URL}`);
  if (process.env.PORT) {
    text = text.replace(/^PORT=.*$/m, `PORT=${process.env.PORT}`);
    text = text.replace(/^APP_URL=.*$/m, `APP_URL=http://localhost:${process.env.PORT}`);
  }
  writeFileSync(envPath, text, { mode: 0o600 });
  console.log("\n✔ Wrote .env with freshly generated secrets.");
}

const total = Date.now();
step("Install dependencies", npm, ["install", "--include=dev", "--no-audit", "--no-fund"], { NODE_ENV: "development" });
// (npm install also runs this as postinstall; repeated here so a skipped lifecycle script can't break the start.)
step("Generate the database client", npm, ["run", "db:generate", "--silent"]);
writeEnvIfMissing();
process.loadEnvFile(path.join(root, ".env"));
step("Create and migrate the database", npm, ["run", "db:migrate"]);
step("Seed demo data", npm, ["run", "db:seed"]);
step("Build", npm, ["run", "build"], { NODE_ENV: "production" });

const port = process.env.PORT || "3000";
console.log(`\n▶ Starting web on http://localhost:${port} and the worker (ready in ${((Date.now() - total) / 1000).toFixed(0)} s). Ctrl-C stops both.`);
console.log("  Demo sign-in: admin@sparkright.test / Quantract-demo-1 (see README for every role)\n");

// Started directly (not through npm) so Ctrl-C and SIGTERM reach them without a layer in between.
const children = [
  spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", PORT: port },
  }),
  spawn(process.execPath, ["--import", "tsx", "src/worker/main.ts"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } }),
];
let stopping = false;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill(signal);
}
process.on("SIGINT", () => stopAll("SIGINT"));
process.on("SIGTERM", () => stopAll("SIGTERM"));
for (const c of children) {
  c.on("exit", (code) => {
    if (!stopping) {
      console.error(`\nA process exited (code ${code}); stopping the other.`);
      stopAll("SIGTERM");
    }
    if (children.every((x) => x.exitCode !== null || x.signalCode !== null)) process.exit(stopping ? 0 : (code ?? 1));
  });
}
