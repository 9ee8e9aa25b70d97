/** One load round with autocannon: fixed connections and duration, per-request latencies kept for exact percentiles. */
import autocannon from "autocannon";

export type Round = { requests: number; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Drives `paths` in turn (one per request) against `base` with the session cookie; returns the figures. */
export async function loadRound(base: string, paths: readonly string[], opts: { cookie: string; connections: number; seconds: number }): Promise<Round> {
  let i = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon({
    url: base,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 30,
    headers: { cookie: opts.cookie, accept: "application/json" },
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else non2xx++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: latencies.length,
    rps: round(latencies.length / (result.duration || opts.seconds)),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts,
    non2xx,
  };
}
