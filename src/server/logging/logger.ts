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

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: process.env.QT_SERVICE ?? "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [...REDACT_KEYS, ...REDACT_KEYS.map((k) => `*.${k}`), ...REDACT_KEYS.map((k) => `*.*.${k}`)],
    censor: "[redacted]",
  },
  formatters: { level: (label) => ({ level: label }) },
});

export type Logger = typeof logger;
