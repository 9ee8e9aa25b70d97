/** Loads `.env` for scripts run outside Next (Next loads it itself). Existing variables win. */
import { existsSync } from "node:fs";
import path from "node:path";

export function loadDotEnv(root = process.cwd()): void {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}
