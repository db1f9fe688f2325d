/**
 * The part of autocannon 9 (which ships no types) that bench/lib/load.ts uses: one run with a callback.
 * Field names as in autocannon's README ("Results" and the options of `autocannon(opts, cb)`).
 */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
      headers?: Record<string, string>;
      body?: string;
      connections?: number;
      pipelining?: number;
      /** Seconds. */
      duration?: number;
      /** Every response body must equal this, else it counts as a mismatch. */
      expectBody?: string;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
    }

    /** Percentiles and extremes of one measure (latency in ms, requests and throughput per second). */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p99: number;
      [percentile: `p${string}`]: number;
    }

    interface Result {
      /** Seconds, rounded to hundredths. */
      duration: number;
      latency: Histogram;
      requests: Histogram;
      throughput: Histogram;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
    }
  }

  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): unknown;

  export = autocannon;
}
