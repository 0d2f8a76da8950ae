// Issue 20 item 1: apply-to-many's Idempotency-Keys. A repeat of a request before its answer
// carries the same key (the BFF then answers the first results, creating nothing again); once
// answered, sending the same request again (a retry of the failed) is a new attempt.
import { describe, expect, it } from 'vitest';
import { RunKeys } from '@/features/fleet/lib/run-keys';

describe('RunKeys', () => {
  const counter = () => {
    let n = 0;
    return () => `k${++n}`;
  };

  it('gives a repeat of an unanswered request the same key', () => {
    const keys = new RunKeys(counter());
    const request = { instanceIds: ['1', '2'], input: { name: 'a', days: [1], time: '02:00' } };
    expect(keys.keyFor(request)).toBe('k1');
    expect(keys.keyFor(structuredClone(request))).toBe('k1');
    expect(keys.keyFor({ ...request, instanceIds: ['1'] })).toBe('k2');
  });

  it('gives the same request a new key once it was answered', () => {
    const keys = new RunKeys(counter());
    const request = { instanceIds: ['3'], input: { name: 'a', days: [1], time: '02:00' } };
    expect(keys.keyFor(request)).toBe('k1');
    keys.answered(request);
    expect(keys.keyFor(request)).toBe('k2');
  });
});
