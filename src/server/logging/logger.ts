/** Structured JSON logs (pino). Secrets and tokens are redacted by key wherever they appear. */
import pino from "pino";

const REDACT_KEYS = [
  "password",
  "passwordHash",
  "token",
  "tokenHash",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
  "apiKey",
  "code",
  "recoveryCodes",
  "DATABASE_URL",
];

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
// The logger exists before the environment is validated: an invalid LOG_LEVEL falls back to
// "info" here and is reported by the env check with every other problem.
const configured = process.env.LOG_LEVEL;
const level = configured && LEVELS.has(configured) ? configured : process.env.NODE_ENV === "test" ? "silent" : "info";

export const logger = pino({
  level,
  base: {},
  // Read per line: the worker sets QT_SERVICE after this module may already be loaded.
  mixin: () => ({ service: process.env.QT_SERVICE ?? "web" }),
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [...REDACT_KEYS, ...REDACT_KEYS.map((k) => `*.${k}`), ...REDACT_KEYS.map((k) => `*.*.${k}`)],
    censor: "[redacted]",
  },
  formatters: { level: (label) => ({ level: label }) },
});

export type Logger = typeof logger;
