/**
 * Environment, parsed once by zod. A missing or invalid variable stops the process with a
 * readable list (never a stack trace). Every variable is documented in `.env.example`.
 */
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: z.url({ message: "must be the public URL of the web app, e.g. http://localhost:3000" }).default("http://localhost:3000"),
  DATABASE_URL: z
    .string({ message: "is required (PostgreSQL connection string)" })
    .regex(/^postgres(ql)?:\/\//, "must start with postgresql://"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  REDIS_URL: z.string({ message: "is required (Redis connection string)" }).regex(/^rediss?:\/\//, "must start with redis://"),
  /** Prefix for every Redis key and queue (lets tests and several installs share one Redis). */
  REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9:_-]*$/).default("qt"),
  SESSION_COOKIE_SECURE: bool.optional(),
  CRON_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SENTRY_DSN: z.url().optional().or(z.literal("")),
  STORAGE_DIR: z.string().default("./storage"),
  EMAIL_TRANSPORT: z.enum(["mailbox", "resend"]).optional(),
  EMAIL_FROM: z.string().default("Quantract <no-reply@quantract.test>"),
  RESEND_API_KEY: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset so a blank line in .env means "use the default".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The parsed environment. Throws EnvError listing every problem. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For process entry points: parse or print the problems and exit(1). */
export function envOrExit(): Env {
  try {
    return env();
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`\nQuantract cannot start: ${err.message}\nSee .env.example for every variable.\n\n`);
      process.exit(1);
    }
    throw err;
  }
}

export function isProduction(): boolean {
  return env().NODE_ENV === "production";
}
