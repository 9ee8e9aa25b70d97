/**
 * Benchmark-only: with BENCH_COUNT_QUERIES=1 the database adapter counts the SQL statements each
 * request issues (AsyncLocalStorage per request) and route handlers answer with `x-query-count`,
 * so an N+1 shows up as a number in `npm run bench`. Without the variable nothing is wrapped: the
 * adapter and the handlers are the plain ones (zero cost).
 */
import { AsyncLocalStorage } from "node:async_hooks";

export const QUERY_COUNTING = process.env.BENCH_COUNT_QUERIES === "1";

const store = new AsyncLocalStorage<{ n: number }>();

type Queryable = { queryRaw: (q: never) => Promise<unknown>; executeRaw: (q: never) => Promise<unknown> };
type Connectable<A> = { connect: () => Promise<A> };

function countCalls<Q extends Queryable>(q: Q): Q {
  const queryRaw = q.queryRaw.bind(q);
  const executeRaw = q.executeRaw.bind(q);
  q.queryRaw = ((query: never) => {
    const s = store.getStore();
    if (s) s.n++;
    return queryRaw(query);
  }) as Q["queryRaw"];
  q.executeRaw = ((query: never) => {
    const s = store.getStore();
    if (s) s.n++;
    return executeRaw(query);
  }) as Q["executeRaw"];
  return q;
}

/** Wraps a driver adapter factory so every statement (in or out of a transaction) is counted. */
export function countingAdapter<F extends Connectable<A>, A extends Queryable & { startTransaction: (...a: never[]) => Promise<Queryable> }>(factory: F): F {
  if (!QUERY_COUNTING) return factory;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = countCalls(await connect());
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = (async (...args: never[]) => countCalls(await start(...args))) as A["startTransaction"];
    return adapter;
  };
  return factory;
}

/** Runs a request handler with a fresh counter and reports the count in `x-query-count`. */
export function countingHandler<H extends (...args: never[]) => Promise<Response>>(handler: H): H {
  if (!QUERY_COUNTING) return handler;
  return (async (...args: never[]) => {
    const s = { n: 0 };
    const res = await store.run(s, () => handler(...args));
    res.headers.set("x-query-count", String(s.n));
    return res;
  }) as H;
}
