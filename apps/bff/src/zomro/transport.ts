// How the Zomro client reaches Zomro over HTTP. By default undici's `request` on the client's own
// keep-alive pool: per call it costs a fraction of the global `fetch` (no Request/Response objects,
// no web streams), which the benchmark showed as the largest share of the BFF's own time (see
// docs/decisions/015-undici-request-for-zomro.md). Tests may pass a `fetch` instead.
import { Agent, request } from 'undici';

export interface ExchangeInit {
  method: 'GET' | 'POST';
  /** A form, already encoded. */
  body?: string;
  headers: Record<string, string>;
  signal: AbortSignal;
}

/** A completed HTTP exchange: the status and the whole body as text. */
export interface Exchange {
  status: number;
  body: string;
}

export interface Transport {
  send(url: string, init: ExchangeInit): Promise<Exchange>;
  close(): Promise<void>;
}

/** undici `request` on a keep-alive pool. Redirects are not followed (Zomro's API sends none). */
export function undiciTransport(): Transport {
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
  return {
    async send(url, init) {
      const response = await request(url, { ...init, dispatcher });
      return { status: response.statusCode, body: await response.body.text() };
    },
    close: () => dispatcher.close(),
  };
}

/** A `fetch` (tests pass one to see or shape what is sent). */
export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return {
    async send(url, init) {
      const response = await fetchImpl(url, init);
      return { status: response.status, body: await response.text() };
    },
    close: async () => {},
  };
}
