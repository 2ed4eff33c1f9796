// The part of autocannon 9's API that the benchmarks (scripts/bench/bench-*.ts) use (autocannon ships no types;
// see its README, "API" and "Results"). `setupRequest` is a file path: with `workers`, autocannon's
// worker thread require()s it.
declare module 'autocannon' {
  namespace autocannon {
    type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p99: number };
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: string };
    // amount: stop after this many requests instead of after `duration`; timeout: seconds a request
    // may take; sampleInt: milliseconds between samples (a run of `amount` ends at a sample).
    type Options = {
      url: string | string[]; connections?: number; duration?: number; amount?: number; timeout?: number; sampleInt?: number;
      workers?: number; requests?: Request[];
    };
    type Result = {
      duration: number;
      requests: Histogram;
      latency: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats?: Record<string, { count: number }>;
    };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
