// A create's Idempotency-Key: one per submission, the same for its retries (so a create whose
// answer was lost resolves to the schedule it made), a new one after a success or new values.
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { useCreateSchedule } from '@/features/schedules/api/create-schedule';
import { createQueryClient } from '@/lib/query-client';
import { stubBff } from './stub-bff';

afterEach(() => vi.unstubAllGlobals());

const POST = 'POST /api/instances/5203773/schedules';
const input = { name: 'Nightly', days: [1, 2] as Array<0 | 1 | 2 | 3 | 4 | 5 | 6>, time: '03:00' };
const made = {
  id: '99',
  instanceId: '5203773',
  ...input,
  createdAt: '2024-07-24',
  version: 'v99',
};

function keysSent(fetchMock: ReturnType<typeof stubBff>): string[] {
  return fetchMock.mock.calls
    .filter(([, init]) => init?.method === 'POST')
    .map(([, init]) => new Headers(init?.headers).get('Idempotency-Key') ?? '');
}

it('reuses the key for a retry of the same values, and takes a new one after a success', async () => {
  const fetchMock = stubBff({
    [POST]: [
      { status: 502, body: { statusCode: 502, code: 'UPSTREAM_UNAVAILABLE', message: 'x' } },
      { status: 202, body: { schedule: null, pending: true } },
      { status: 201, body: { schedule: made } },
      { status: 201, body: { schedule: made } },
    ],
    'GET /api/instances/5203773/schedules': Array.from({ length: 8 }, () => ({
      status: 200,
      body: { schedules: [], retention: null },
    })),
  });
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useCreateSchedule('5203773'), { wrapper });
  await act(() => result.current.mutateAsync(input).catch(() => undefined));
  // The retry after the failure: same key; Zomro accepted it, the row is not listed yet.
  let answer: unknown;
  await act(async () => {
    answer = await result.current.mutateAsync(input);
  });
  expect(answer).toBeNull();
  // A new submission after that success, then one with other values: new keys.
  await act(() => result.current.mutateAsync(input));
  await act(() => result.current.mutateAsync({ ...input, time: '04:00' }));
  const [first, retry, next, other] = keysSent(fetchMock);
  expect(first).toMatch(/^[0-9a-f-]{36}$/);
  expect(retry).toBe(first);
  expect(next).not.toBe(first);
  expect(other).not.toBe(next);
});
