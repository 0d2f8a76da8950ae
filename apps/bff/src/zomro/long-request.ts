// Zomro's long requests: a slow operation may answer an HTML page instead of JSON, carrying a URL
// that matches `long.+billmgr` (relative to the API's address); Zomro's panel GETs that URL until
// JSON comes (src/utils/handleLongRequest.js). Finding the URL, and the waits between looks.

/** The panel's own pattern. */
const PANEL_PATTERN = /long.+billmgr/;
/** The same pattern kept inside one URL (no spaces, quotes or tags): tried first. */
const URL_PATTERN = /long[^\s"'<>]*billmgr/;

/** The long-request URL a page names, or null when the body is JSON or names none. */
export function longRequestPath(body: string): string | null {
  if (/^\s*[{[]/.test(body)) return null;
  return URL_PATTERN.exec(body)?.[0] ?? PANEL_PATTERN.exec(body)?.[0] ?? null;
}

/**
 * The URL to GET: the path resolved against the API's address as a browser resolves a link
 * (`https://api.zomro.com/` and `https://api.zomro.com/billmgr` both give
 * `https://api.zomro.com/long…billmgr`). The path starts with `long`, so it never leaves the host.
 */
export function longRequestUrl(path: string, apiUrl: string): string {
  return new URL(path, apiUrl).toString();
}

/** The first wait before looking again, and how it grows: short, then up to two seconds. */
export const POLL_FIRST_DELAY_MS = 200;
const POLL_GROWTH = 1.5;
export const POLL_MAX_DELAY_MS = 2_000;

export function nextPollDelay(delayMs: number): number {
  return Math.min(Math.round(delayMs * POLL_GROWTH), POLL_MAX_DELAY_MS);
}

/** Consecutive failed looks (connection refused or reset) before the call gives up. */
export const POLL_MAX_FAILURES = 3;

/** Waits `ms`, or rejects with `onAbort()` as soon as the signal fires. */
export function wait(ms: number, signal: AbortSignal, onAbort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(onAbort());
      return;
    }
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal.addEventListener('abort', abort, { once: true });
  });
}
