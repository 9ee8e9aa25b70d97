import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/server/config/env.ts";

describe("environment parsing", () => {
  it("lists every missing or invalid variable by name", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://nope", LOG_LEVEL: "loud", CRON_SECRET: "short" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const problems = (err as EnvError).problems.join("\n");
      expect(problems).toMatch(/DATABASE_URL must start with postgresql:\/\//);
      expect(problems).toMatch(/REDIS_URL is required/);
      expect(problems).toMatch(/LOG_LEVEL/);
      expect(problems).toMatch(/CRON_SECRET must be at least 32 characters/);
      expect((err as EnvError).message).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it("applies defaults and treats blank values as unset", () => {
    const e = parseEnv({ DATABASE_URL: "postgresql://x@h/db", REDIS_URL: "redis://h:6379", CRON_SECRET: "", SESSION_COOKIE_SECURE: "" });
    expect(e.APP_URL).toBe("http://localhost:3000");
    expect(e.CRON_SECRET).toBeUndefined();
    expect(e.SESSION_COOKIE_SECURE).toBeUndefined();
    expect(e.DATABASE_POOL_MAX).toBe(10);
    expect(parseEnv({ DATABASE_URL: "postgresql://x@h/db", REDIS_URL: "redis://h", SESSION_COOKIE_SECURE: "true" }).SESSION_COOKIE_SECURE).toBe(true);
  });
});
