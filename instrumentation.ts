/**
 * Runs once when the web server starts: environment check (exit with a readable list when
 * something is missing) and Sentry (inert without SENTRY_DSN).
 */
import * as Sentry from "@sentry/nextjs";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { envOrExit } = await import("./src/server/config/env.ts");
  const e = envOrExit();
  const { initSentry } = await import("./src/server/logging/sentry.ts");
  initSentry(e.SENTRY_DSN, "web");
}

export const onRequestError = Sentry.captureRequestError;
