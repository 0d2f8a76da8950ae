// A stand-in BFF for component tests: each call takes the next reply queued for its method and
// path (`GET /api/…`); an unexpected call fails the request.
import { vi } from 'vitest';

export type Reply = { status: number; body?: unknown };

export function stubBff(routes: Record<string, Reply[]>) {
  const fetchMock = vi.fn((input: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${input}`;
    const reply = routes[key]?.shift();
    if (!reply) return Promise.reject(new Error(`unexpected ${key}`));
    return Promise.resolve(
      new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
