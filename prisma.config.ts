import { defineConfig } from "prisma/config";

// Loaded by the Prisma CLI (generate, and native migrate where its engine is available).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/quantract" },
});
