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
  /** Root key for data encrypted at rest (MFA secrets). Required in production; never change it casually. */
  APP_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SENTRY_DSN: z.url().optional().or(z.literal("")),
  STORAGE_DIR: z.string().default("./storage"),
  EMAIL_TRANSPORT: z.enum(["mailbox", "resend"]).optional(),
  EMAIL_FROM: z.string().default("Quantract <no-reply@quantract.test>"),
  RESEND_API_KEY: z.string().optional(),
  /** Worker: run the cron schedules itself (single-machine installs) instead of an external cron. */
  WORKER_RUN_SCHEDULES: bool.optional(),
  /** Worker: how long a job's lock (and its idempotency lease) lasts before another worker may take it over. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Worker: PDF rendering threads (CPU-bound; about one per spare core). */
  PDF_THREADS: z.coerce.number().int().min(1).max(16).default(2),
  /** Stripe Connect: the platform's secret key; card payments run on each company's connected account. Unset = card payments off. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, "must be a Stripe secret key (sk_...)").optional(),
  /** Signing secret of the Connect webhook endpoint (POST /api/webhooks/stripe). */
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, "must be a webhook signing secret (whsec_...)").optional(),
  /** Point stripe-node at another API host (tests and e2e use a local fake Stripe), e.g. http://127.0.0.1:12111. */
  STRIPE_API_BASE: z.url().optional(),
}).superRefine((e, ctx) => {
  const transport = e.EMAIL_TRANSPORT ?? (e.NODE_ENV === "production" ? "resend" : "mailbox");
  if (transport === "resend" && !e.RESEND_API_KEY) {
    ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "is required to send email through Resend (or set EMAIL_TRANSPORT=mailbox)" });
  }
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
  if (result.data.NODE_ENV === "production" && !result.data.APP_SECRET) {
    throw new EnvError(["APP_SECRET is required in production (at least 32 random characters)"]);
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

/** Fixed key for development and tests only: production refuses to start without APP_SECRET. */
const DEV_APP_SECRET = "quantract-development-only-app-secret-not-for-production";

/** The root secret for encryption at rest (see src/server/auth/secret-box.ts). */
export function appSecret(): string {
  const e = env();
  if (e.APP_SECRET) return e.APP_SECRET;
  if (e.NODE_ENV === "production") throw new EnvError(["APP_SECRET is required in production (at least 32 random characters)"]);
  return DEV_APP_SECRET;
}
