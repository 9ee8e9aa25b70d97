/**
 * Fixed-window rate limits and back-off locks in Redis (shared by every web replica).
 * When Redis is unreachable the limiter fails closed: credential endpoints answer 503
 * rather than run without protection.
 */
import { readyRedis, redisKey } from "../redis/redis.ts";
import { rateLimited, unavailable } from "../errors/errors.ts";

const HIT = `
local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {c, ttl}`;

export type Limit = { name: string; limit: number; windowMs: number };

async function client() {
  try {
    return await readyRedis();
  } catch (err) {
    throw unavailable(undefined, err);
  }
}

/** Counts one attempt; throws 429 (with Retry-After) once the window's limit is exceeded. */
export async function consume(rule: Limit, subject: string): Promise<{ count: number; remaining: number }> {
  const r = await client();
  const [count, ttl] = (await r.eval(HIT, 1, redisKey("rl", rule.name, subject), String(rule.windowMs))) as [number, number];
  if (count > rule.limit) throw rateLimited(Math.max(1, Math.ceil(ttl / 1000)));
  return { count, remaining: rule.limit - count };
}

/** Remaining attempts without counting one (for a check before expensive work). */
export async function peek(rule: Limit, subject: string): Promise<number> {
  const r = await client();
  const v = await r.get(redisKey("rl", rule.name, subject));
  return rule.limit - Number(v ?? 0);
}

export async function resetLimit(rule: Limit, subject: string): Promise<void> {
  const r = await client();
  await r.del(redisKey("rl", rule.name, subject));
}

/**
 * Lockout with exponential back-off: after `freeFailures` consecutive failures, each further
 * failure locks the subject for baseMs * 2^(n - freeFailures - 1), capped at maxMs.
 */
export const LOCKOUT = { freeFailures: 5, baseMs: 60_000, maxMs: 60 * 60_000, memoryMs: 24 * 60 * 60_000 };

export async function lockRemainingMs(subject: string): Promise<number> {
  const r = await client();
  return Math.max(0, await r.pttl(redisKey("lock", subject)));
}

export async function recordFailure(subject: string): Promise<{ failures: number; lockedForMs: number }> {
  const r = await client();
  const failures = await r.incr(redisKey("fail", subject));
  await r.pexpire(redisKey("fail", subject), LOCKOUT.memoryMs);
  let lockedForMs = 0;
  if (failures > LOCKOUT.freeFailures) {
    lockedForMs = Math.min(LOCKOUT.baseMs * 2 ** (failures - LOCKOUT.freeFailures - 1), LOCKOUT.maxMs);
    await r.set(redisKey("lock", subject), "1", "PX", lockedForMs);
  }
  return { failures, lockedForMs };
}

export async function clearFailures(subject: string): Promise<void> {
  const r = await client();
  await r.del(redisKey("fail", subject), redisKey("lock", subject));
}
