import type { NextConfig } from "next";
import { withSentryConfig } from "@sentry/nextjs/config";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Packages that must stay as Node modules on the server (native/wasm or large server-only deps).
  serverExternalPackages: ["pino", "pg", "ioredis", "@prisma/adapter-pg"],
  typedRoutes: false,
};

// Inert without SENTRY_DSN; never uploads source maps from this machine (no auth token).
export default withSentryConfig(nextConfig, {
  silent: true,
  telemetry: false,
  sourcemaps: { disable: true },
});
