/** The part of autocannon 9's API the benchmark uses (the package ships no types). */
declare module "autocannon" {
  type RequestData = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    pipelining?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: (RequestData & { setupRequest?: (req: RequestData) => RequestData })[];
  };
  type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number; total?: number };
  export type Result = {
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    "2xx": number;
  };
  type Instance = PromiseLike<Result> & {
    on(event: "response", fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
    stop(): void;
  };
  function autocannon(opts: Options): Instance;
  export default autocannon;
}
