// One measurement: autocannon against a URL for a while, with sub-millisecond latencies recorded
// from its `response` events (its own histogram rounds to whole milliseconds).
import autocannon from 'autocannon';

/** p-th percentile (0–100) of sorted numbers. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/**
 * Runs `options` (autocannon's: url, path, method, headers, body, connections, duration or amount,
 * setupClient) and answers { p50, p99, rps, requests, non2xx, errors, seconds, latencies } (the
 * latencies of the 2xx answers, sorted, in ms).
 */
export function measure({ path, ...options }) {
  // autocannon takes the path from `url` only (a per-client request may set its own).
  const url = path === undefined ? options.url : new URL(path, options.url).href;
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon({ ...options, url, excludeErrorStats: true }, (error, result) => {
      if (error) {
        reject(error);
        return;
      }
      latencies.sort((a, b) => a - b);
      const seconds = result.duration;
      resolve({
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        rps: latencies.length / seconds,
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        seconds,
        latencies,
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}
