#!/usr/bin/env node
/**
 * `npm test`: everything CI runs, in order, stopping at the first failure:
 * generate the Prisma client, typecheck, lint, unit, integration (real PostgreSQL + Redis),
 * production build, e2e (Playwright + Chromium). Prints how long each step took.
 */
import { spawnSync } from "node:child_process";

const steps = [
  ["Prisma client", "npm", ["run", "db:generate", "--silent"]],
  ["Typecheck", "npm", ["run", "typecheck", "--silent"]],
  ["Lint", "npm", ["run", "lint", "--silent"]],
  ["Unit tests", "npm", ["run", "test:unit", "--silent"]],
  ["Integration tests", "npm", ["run", "test:integration", "--silent"]],
  ["Production build", "npx", ["next", "build"]],
  ["End-to-end tests", "npm", ["run", "test:e2e", "--silent"]],
];

const timings = [];
for (const [title, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n━━ ${title} ━━`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${title.padEnd(20)} ${seconds.padStart(6)} s`);
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed after ${seconds} s.`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n✔ All checks passed\n${timings.join("\n")}`);
