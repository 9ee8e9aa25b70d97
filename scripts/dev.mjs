#!/usr/bin/env node
/** `npm run dev`: web (next dev) and worker (tsx watch), both reloading on change; Ctrl-C stops both. */
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const children = [
  spawn(bin("next"), ["dev"], { cwd: root, stdio: "inherit" }),
  spawn(bin("tsx"), ["watch", "--clear-screen=false", "src/worker/main.ts"], { cwd: root, stdio: "inherit" }),
];
const stop = (signal) => children.forEach((c) => c.exitCode === null && c.kill(signal));
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
for (const c of children) c.on("exit", () => (stop("SIGTERM"), process.exitCode ||= 0));
